using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Issue 16 item 4: a person already full time on another agency's active contract is refused in a second agency's bid
/// naming only that agency's own worker and the FTE (committed elsewhere in total, this bid's, the limit): never the other
/// agency, its contract or its tender, in either language.
/// </summary>
public sealed class The_full_time_refusal_tells_nothing_of_other_agencies : IAsyncLifetime
{
    private const string HarbourName = "Harbour Light Community Services";
    private const string EarlierTitle = "Youth services in Nanshan 2027";
    private static readonly string[] PeopleA = ["440305199001011010", "440305199001011029", "440305199001011037"];
    private static readonly string[] PeopleB = ["440305199001011045", "440305199001011053", "440305199001011061"];
    private BidBed _bed = null!;
    private Bidder _harbour = null!;
    private Bidder _b = null!;
    private Guid _contractId;
    private Guid _harbourBidId;
    private TenderPublished _earlier = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        _harbour = await _bed.AgencyAsync(BidBed.CodeA, PeopleA);
        (await _harbour.Client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(BidBed.CodeA, name: HarbourName))).EnsureSuccessStatusCode();
        // Agency B's supervisor is Harbour Light's first worker: the same ID number on both rosters.
        _b = await _bed.AgencyAsync(BidBed.CodeB, PeopleA[0], PeopleB[1], PeopleB[2]);

        // Harbour Light wins the earlier tender with that person full time, and the contract is active.
        _earlier = _bed.NewTender(EarlierTitle);
        await _bed.SendAsync(_earlier);
        var won = await _bed.SubmitAsync(_harbour, 412_345.67m, _earlier.TenderId);
        won.StatusCode.Should().Be(HttpStatusCode.Created, await won.Content.ReadAsStringAsync());
        _harbourBidId = (await won.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();
        _contractId = Guid.NewGuid();
        await _bed.SendAsync(new BidWindowClosed(_earlier.TenderId, _earlier.BidDeadline));
        await _bed.SendAsync(new AwardConfirmed(
            _earlier.TenderId, Guid.NewGuid(), _earlier.ProgramId, _earlier.PurchasingUnitId, _harbourBidId, _harbour.Id, HarbourName,
            "CompetitiveConsultation", 412_345.67m, _earlier.ServiceStart, _earlier.ServiceEnd, [], [], new DateOnly(2026, 12, 20),
            BiddingApi.Now.AddDays(20)));
        await _bed.SendAsync(new ContractActivated(
            _contractId, _earlier.TenderId, _earlier.ProgramId, _earlier.PurchasingUnitId, _harbour.Id, _harbourBidId, 412_345.67m,
            _earlier.ServiceStart, _earlier.ServiceEnd, [], [], null, BiddingApi.Now.AddDays(30)));
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task The_refusal_names_the_own_worker_and_the_numbers_in_english_and_nothing_of_the_contract()
    {
        var refused = await _bed.SubmitAsync(_b, 400_000.00m, firstFte: 0.5m);

        var body = await RefusalAsync(refused);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        detail.Should().Be(
            "One person's time across active contracts and open bids may not exceed 1.0 FTE; this staffing plan would exceed it for 1 of your "
            + "worker(s) (already committed + this plan = total (+ over)): Worker 25B-0 (…1010): 1.0 + 0.5 = 1.5 (+0.5).");
        ShouldTellNothingOfHarbourLight(body);
    }

    [Fact]
    public async Task The_refusal_in_chinese_names_the_own_worker_and_the_numbers_and_nothing_of_the_contract()
    {
        var chinese = _bed.Api.Client(Roles.Agency, _b.Id, "zh-CN");

        var refused = await chinese.PostAsJsonAsync("/api/bids", new { tenderId = _bed.Tender.TenderId, content = BidBed.Content(_b, 400_000.00m, 0.5m) });

        var body = await RefusalAsync(refused);
        var detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();
        detail.Should().Be(
            "同一人员在所有在履行合同和未开标投标中的投入合计不得超过 1.0 FTE；本人员配置将使贵机构 1 人超出（已投入 + 本次 = 合计（+ 超出））："
            + "Worker 25B-0 (…1010): 1.0 + 0.5 = 1.5 (+0.5)。");
        ShouldTellNothingOfHarbourLight(body);
    }

    [Fact]
    public async Task Once_the_contract_ends_the_same_plan_is_taken()
    {
        (await _bed.SubmitAsync(_b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        await _bed.SendAsync(new ContractEnded(_contractId, _earlier.ProgramId, _harbour.Id, _harbourBidId, "Completed", null, null, BiddingApi.Now.AddDays(31)));

        (await _bed.SubmitAsync(_b, 400_000.00m, firstFte: 0.5m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    private static async Task<string> RefusalAsync(HttpResponseMessage refused)
    {
        var body = await refused.Content.ReadAsStringAsync();
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, body);
        var collision = JsonDocument.Parse(body).RootElement.GetProperty("collisions").EnumerateArray().Should().ContainSingle().Subject;
        collision.GetProperty("person").GetString().Should().Be("Worker 25B-0");
        collision.GetProperty("committedFte").GetDecimal().Should().Be(1.0m);
        collision.GetProperty("plannedFte").GetDecimal().Should().Be(0.5m);
        collision.GetProperty("totalFte").GetDecimal().Should().Be(1.5m);
        collision.GetProperty("overFte").GetDecimal().Should().Be(0.5m);
        return body;
    }

    private void ShouldTellNothingOfHarbourLight(string body) =>
        body.Should().NotContain(HarbourName).And.NotContain("Harbour")
            .And.NotContain(_contractId.ToString()).And.NotContain(_contractId.ToString("N"))
            .And.NotContain(EarlierTitle).And.NotContain(_earlier.TenderId.ToString())
            .And.NotContain(_harbourBidId.ToString()).And.NotContain(_harbour.Id.ToString())
            .And.NotContain("412345.67", "nor the contract's amount");
}
