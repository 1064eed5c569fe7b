using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Contracting.Tests;

/// <summary>Issue 5 item 4: both parties are told of suspension, termination and completion; a termination carries the amount actually paid.</summary>
public sealed class Contract_notifications : IAsyncLifetime
{
    private static readonly Guid Agency = Guid.NewGuid();
    private ContractingApi _api = null!;

    public async Task InitializeAsync() => _api = await ContractingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Both_parties_are_notified_of_activation_suspension_resumption_and_completion_and_no_one_else()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.ActiveAsync(award);
        var purchaser = _api.PurchaserClient();
        (await purchaser.PostAsJsonAsync($"/api/contracts/{id}/suspend", new { reason = "Venue closed for repairs" })).EnsureSuccessStatusCode();
        (await purchaser.PostAsync($"/api/contracts/{id}/resume", null)).EnsureSuccessStatusCode();
        await _api.PublishAsync(new PerformanceEvaluated(Guid.NewGuid(), id, Guid.NewGuid(), Agency, "Final", 86.5m, "Good", true, ContractingApi.Now));
        (await purchaser.PostAsync($"/api/contracts/{id}/complete", null)).EnsureSuccessStatusCode();

        foreach (var party in new[] { _api.PurchaserClient(), _api.AgencyClient(Agency) })
        {
            var inbox = await _api.GetAsync(party, "/api/contracts/notifications");
            inbox.GetProperty("unread").GetInt32().Should().Be(4);
            var notices = inbox.GetProperty("notifications").EnumerateArray().ToList();
            notices.Select(n => n.GetProperty("kind").GetString()).Should().Equal("Complete", "Resume", "Suspend", "Activate");
            notices.Should().OnlyContain(n => n.GetProperty("contractId").GetGuid() == id);
            notices[2].GetProperty("text").GetString().Should().Be(
                "The contract with Sunshine Social Work Service Centre (2027-01-01 to 2027-12-31) was suspended. Reason: Venue closed for repairs");
        }

        var chinese = await _api.GetAsync(_api.PurchaserClient("zh-CN"), "/api/contracts/notifications");
        chinese.GetProperty("notifications")[0].GetProperty("text").GetString()
            .Should().Be("与Sunshine Social Work Service Centre签订的服务合同（2027-01-01 至 2027-12-31）已履行完毕。");

        var stranger = _api.Client(Roles.Agency, Guid.NewGuid());
        var theirs = await _api.GetAsync(stranger, "/api/contracts/notifications");
        theirs.GetProperty("unread").GetInt32().Should().Be(0);
        theirs.GetProperty("notifications").GetArrayLength().Should().Be(0);
        var otherUnit = await _api.GetAsync(_api.Client(Roles.Purchaser, Guid.NewGuid()), "/api/contracts/notifications");
        otherUnit.GetProperty("notifications").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_party_marks_its_own_notice_read_once_and_another_organisation_gets_404()
    {
        var id = await _api.ActiveAsync(ContractingApi.Award(Agency));
        (await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/suspend", new { reason = "Audit" })).EnsureSuccessStatusCode();
        var agency = _api.AgencyClient(Agency);
        var notice = (await _api.GetAsync(agency, "/api/contracts/notifications")).GetProperty("notifications")[0];
        notice.GetProperty("kind").GetString().Should().Be("Suspend");
        var noticeId = notice.GetProperty("id").GetGuid();

        (await _api.Client(Roles.Agency, Guid.NewGuid()).PostAsync($"/api/contracts/notifications/{noticeId}/read", null))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.PurchaserClient().PostAsync($"/api/contracts/notifications/{noticeId}/read", null))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "the purchaser's notice is a row of its own");

        var read = await agency.PostAsync($"/api/contracts/notifications/{noticeId}/read", null);
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var readAt = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset();
        _api.Clock.Advance(TimeSpan.FromHours(1));
        var again = await agency.PostAsync($"/api/contracts/notifications/{noticeId}/read", null);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset().Should().Be(readAt, "the first reading is kept");

        (await _api.GetAsync(agency, "/api/contracts/notifications")).GetProperty("unread").GetInt32().Should().Be(1, "the activation notice is still unread");
        (await _api.GetAsync(_api.PurchaserClient(), "/api/contracts/notifications")).GetProperty("unread").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_termination_without_a_figure_takes_the_amount_from_the_recorded_payments_and_both_parties_are_told()
    {
        var award = ContractingApi.Award(Agency);
        var id = await _api.ActiveAsync(award);
        await PaidAsync(award, id, 144_000.00m);
        await PaidAsync(award, id, 96_000.50m);
        await PaidAsync(award, Guid.NewGuid(), 1_000.00m); // another contract's payment counts for nothing here

        var terminated = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "Agency deregistered" });

        terminated.StatusCode.Should().Be(HttpStatusCode.OK, await terminated.Content.ReadAsStringAsync());
        var view = await terminated.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("amountPaid").GetRawText().Should().Be("240000.50");
        view.GetProperty("recordedPaid").GetRawText().Should().Be("240000.50");
        (await _api.PublishedAsync<ContractEnded>(m => m.ContractId == id && m.Outcome == "Terminated" && m.AmountPaid == 240_000.50m))
            .Should().BeTrue();
        foreach (var party in new[] { _api.PurchaserClient(), _api.AgencyClient(Agency) })
        {
            var latest = (await _api.GetAsync(party, "/api/contracts/notifications")).GetProperty("notifications")[0];
            latest.GetProperty("kind").GetString().Should().Be("Terminate");
            latest.GetProperty("text").GetString().Should().Be(
                "The contract with Sunshine Social Work Service Centre (2027-01-01 to 2027-12-31) was terminated. Reason: Agency deregistered "
                + "Amount paid so far: 240000.50 yuan.");
        }

        (await _api.GetAsync(_api.Client(Roles.Agency, Guid.NewGuid()), "/api/contracts/notifications"))
            .GetProperty("notifications").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_termination_with_no_recorded_payment_and_no_figure_records_zero_and_a_stated_figure_is_kept_beside_the_recorded_sum()
    {
        var first = await _api.ActiveAsync(ContractingApi.Award(Agency));
        var none = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{first}/terminate", new { reason = "Programme cancelled" });
        none.StatusCode.Should().Be(HttpStatusCode.OK, await none.Content.ReadAsStringAsync());
        (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amountPaid").GetRawText().Should().Be("0.00");

        var award = ContractingApi.Award(Agency);
        var second = await _api.ActiveAsync(award);
        await PaidAsync(award, second, 144_000.00m);
        var stated = await _api.PurchaserClient().PostAsJsonAsync($"/api/contracts/{second}/terminate", new { reason = "Agency deregistered", amountPaid = 150_000.00m });
        stated.StatusCode.Should().Be(HttpStatusCode.OK, await stated.Content.ReadAsStringAsync());
        var view = await stated.Content.ReadFromJsonAsync<JsonElement>();
        (view.GetProperty("amountPaid").GetRawText(), view.GetProperty("recordedPaid").GetRawText()).Should().Be(("150000.00", "144000.00"));
    }

    private Task PaidAsync(AwardConfirmed award, Guid contract, decimal amount) =>
        _api.PublishAsync(new InstalmentPaid(
            Guid.NewGuid(), contract, award.ProgramId, award.AgencyId, award.PurchasingUnitId, amount, new DateOnly(2027, 1, 10), 0, false, ContractingApi.Now));
}
