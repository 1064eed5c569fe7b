using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Bidding.Tests.Bids;

namespace Procurement.Bidding.Tests;

/// <summary>
/// Issue 16 item 9: the workforce figures a civil-affairs bureau reports on — per agency and per region (where the agency is
/// registered), the active workers by certificate level, the supervisors, the FTE committed, and the certified workers' training
/// hours of the year against 120 hours each.
/// </summary>
public sealed class Workforce_figures_api : IAsyncLifetime
{
    /// <summary>An agency registered in Chaoyang, Beijing (110105): the two of <see cref="BidBed"/> are in Futian, Shenzhen (440305).</summary>
    private const string BeijingCode = "52110105MJL100017M";

    private BidBed _bed = null!;
    private Bidder _futian = null!;
    private Bidder _beijing = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _futian = await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        _beijing = await _bed.AgencyAsync(BeijingCode, "110105198001010016");
        var year = BiddingApi.Now.Year;
        // Futian's supervisor did 130 hours this year and its first assistant 119; the second assistant none. Last year's hours do not count.
        await TrainAsync(_futian, 0, "Intermediate", true, (year, 130));
        await TrainAsync(_futian, 1, "Assistant", false, (year, 119), (year - 1, 200));
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static async Task TrainAsync(Bidder agency, int worker, string level, bool supervisor, params (int Year, int Hours)[] hours)
    {
        var roster = await agency.Client.GetFromJsonAsync<JsonElement>("/api/agencies/me/staff");
        var current = roster.EnumerateArray().Single(w => w.GetProperty("id").GetGuid() == agency.Workers[worker]);
        var response = await agency.Client.PutAsJsonAsync($"/api/agencies/me/staff/{agency.Workers[worker]}", new
        {
            name = current.GetProperty("name").GetString(),
            certificateLevel = level,
            certificateNumber = current.GetProperty("certificateNumber").GetString(),
            isSupervisor = supervisor,
            trainingHours = hours.Select(h => new { year = h.Year, hours = h.Hours }).ToArray(),
            active = true,
            version = current.GetProperty("version").GetInt32(),
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> ReportAsync(string query = "", string role = Roles.Purchaser)
    {
        var response = await _bed.Client(role).GetAsync("/api/agencies/workforce" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Agency(JsonElement report, Bidder agency) =>
        report.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("agencyId").GetGuid() == agency.Id).GetProperty("counts");

    [Fact]
    public async Task An_agency_reads_by_level_with_its_supervisors_its_open_bids_time_and_who_did_the_years_120_hours()
    {
        (await _bed.SubmitAsync(_futian, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Created);

        var futian = Agency(await ReportAsync(), _futian);

        (futian.GetProperty("workers").GetInt32(), futian.GetProperty("uncertified").GetInt32(), futian.GetProperty("assistant").GetInt32(),
            futian.GetProperty("intermediate").GetInt32(), futian.GetProperty("senior").GetInt32(), futian.GetProperty("supervisors").GetInt32())
            .Should().Be((3, 0, 2, 1, 0, 1));
        futian.GetProperty("fteInOpenBids").GetDecimal().Should().Be(2.5m, "the bid plans 1.0 + 1.0 + 0.5");
        futian.GetProperty("fteOnContracts").GetDecimal().Should().Be(0m);
        futian.GetProperty("certifiedTrainingHours").GetInt32().Should().Be(249, "130 + 119 this year; last year's 200 hours do not count");
        futian.GetProperty("certifiedMeetingTraining").GetInt32().Should().Be(1, "130 hours meets the 120; 119 falls one short");
        futian.GetProperty("certifiedShortOfTraining").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_won_bids_time_moves_to_the_active_contract_once_the_contract_is_active()
    {
        var tender = _bed.NewTender("Elder care in Futian 2027");
        await _bed.SendAsync(tender);
        var won = await _bed.SubmitAsync(_futian, 400_000.00m, tender.TenderId);
        won.StatusCode.Should().Be(HttpStatusCode.Created, await won.Content.ReadAsStringAsync());
        var bidId = (await won.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
        await _bed.SendAsync(new BidWindowClosed(tender.TenderId, tender.BidDeadline));
        await _bed.SendAsync(new AwardConfirmed(
            tender.TenderId, Guid.NewGuid(), tender.ProgramId, tender.PurchasingUnitId, bidId, _futian.Id, "Sunshine Social Work Service Centre",
            "CompetitiveConsultation", 400_000.00m, tender.ServiceStart, tender.ServiceEnd, [], [], new DateOnly(2026, 12, 20), BiddingApi.Now.AddDays(20)));
        await _bed.SendAsync(new ContractActivated(
            Guid.NewGuid(), tender.TenderId, tender.ProgramId, tender.PurchasingUnitId, _futian.Id, bidId, 400_000.00m,
            tender.ServiceStart, tender.ServiceEnd, [], [], null, BiddingApi.Now.AddDays(30)));

        var futian = Agency(await ReportAsync(), _futian);
        (futian.GetProperty("fteOnContracts").GetDecimal(), futian.GetProperty("fteInOpenBids").GetDecimal()).Should().Be((2.5m, 0m));
    }

    [Fact]
    public async Task Regions_are_where_the_agencies_are_registered_and_a_region_code_keeps_its_own()
    {
        var report = await ReportAsync();
        report.GetProperty("yearlyTrainingHours").GetInt32().Should().Be(120);
        report.GetProperty("regions").EnumerateArray()
            .Select(r => (r.GetProperty("regionCode").GetString(), r.GetProperty("agencies").GetInt32(), r.GetProperty("counts").GetProperty("workers").GetInt32()))
            .Should().Equal(("110105", 1, 1), ("440305", 1, 3));
        report.GetProperty("total").GetProperty("workers").GetInt32().Should().Be(4);

        var shenzhen = await ReportAsync("?region=4403");
        shenzhen.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetGuid()).Should().Equal(_futian.Id);
        shenzhen.GetProperty("total").GetProperty("workers").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Last_years_figures_count_last_years_hours_and_next_year_is_refused_by_its_field()
    {
        var lastYear = await ReportAsync($"?year={BiddingApi.Now.Year - 1}");
        Agency(lastYear, _futian).GetProperty("certifiedTrainingHours").GetInt32().Should().Be(200);

        var refused = await _bed.Client(Roles.Auditor).GetAsync($"/api/agencies/workforce?year={BiddingApi.Now.Year + 1}");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        (problem.GetProperty("rule").GetString(), problem.GetProperty("field").GetString()).Should().Be(("workforce_year_out_of_range", "year"));
    }

    [Fact]
    public async Task Agencies_read_no_one_elses_figures_and_oversight_reads_them()
    {
        (await _futian.Client.GetAsync("/api/agencies/workforce")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        Agency(await ReportAsync(role: Roles.Auditor), _beijing).GetProperty("workers").GetInt32().Should().Be(1);
        Agency(await ReportAsync(role: Roles.Admin), _beijing).GetProperty("senior").GetInt32().Should().Be(0);
    }
}
