using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Identity;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Identity's directory events reach Bidding: a confirmed self-registration becomes the agency's profile, and the
/// administrator's suspension stops its bids until it is reinstated.
/// </summary>
public sealed class Agencies_from_the_identity_directory : IAsyncLifetime
{
    private static readonly string[] People = ["440305199001011010", "440305199001011029", "440305199001011037"];

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;
    private BidBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        Harness.Bus.ConnectConsumeObserver(_deliveries);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private ITestHarness Harness => _bed.Api.Host.Services.GetRequiredService<ITestHarness>();

    private static AgencyRegistered Registered(Guid id, string code = BidBed.CodeA) => new(
        id, "Sunshine Social Work Service Centre", code, "深圳市福田区民政局", "Wang Fang", new DateOnly(2015, 6, 1),
        "1 Shennan Road, Futian, Shenzhen", "Li Ming", "13800138000", "liming@example.org", BiddingApi.Now);

    /// <summary>Publishes with the given message id (a redelivery when it is one sent before) and waits until it is consumed.</summary>
    private async Task DeliverAsync<T>(T message, Guid messageId)
        where T : class
    {
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        await _deliveries.WaitForAsync(++_sent);
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    [Fact]
    public async Task A_confirmed_registration_becomes_the_agency_profile_with_its_contact()
    {
        var id = Guid.NewGuid();

        await DeliverAsync(Registered(id), NewId.NextGuid());

        var me = await _bed.Api.Client(Roles.Agency, id).GetFromJsonAsync<JsonElement>("/api/agencies/me");
        me.GetProperty("name").GetString().Should().Be("Sunshine Social Work Service Centre");
        me.GetProperty("unifiedSocialCreditCode").GetString().Should().Be(BidBed.CodeA);
        me.GetProperty("registrationDate").GetString().Should().Be("2015-06-01");
        me.GetProperty("address").GetString().Should().Be("1 Shennan Road, Futian, Shenzhen");
        var contact = me.GetProperty("contacts").EnumerateArray().Should().ContainSingle().Subject;
        contact.GetProperty("name").GetString().Should().Be("Li Ming");
        contact.GetProperty("phone").GetString().Should().Be("13800138000");
        contact.GetProperty("email").GetString().Should().Be("liming@example.org");
        me.GetProperty("suspended").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_registration_arriving_again_leaves_what_the_agency_typed_since()
    {
        var id = Guid.NewGuid();
        var messageId = NewId.NextGuid();
        await DeliverAsync(Registered(id), messageId);
        var client = _bed.Api.Client(Roles.Agency, id);
        (await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(name: "Sunshine Centre (renamed)", version: 1))).EnsureSuccessStatusCode();

        await DeliverAsync(Registered(id), messageId);
        await DeliverAsync(Registered(id), NewId.NextGuid());

        var me = await client.GetFromJsonAsync<JsonElement>("/api/agencies/me");
        me.GetProperty("name").GetString().Should().Be("Sunshine Centre (renamed)");
        me.GetProperty("version").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_registration_whose_code_another_profile_holds_creates_nothing_and_takes_nothing()
    {
        var other = await _bed.AgencyAsync(BidBed.CodeA, People);
        var id = Guid.NewGuid();

        await DeliverAsync(Registered(id, BidBed.CodeA), NewId.NextGuid());

        _bed.Db(db => db.Agencies.Any(a => a.Id == id)).Should().BeFalse();
        _bed.Db(db => db.Agencies.Single(a => a.Id == other.Id)).Name.Should().Be("Sunshine Social Work Service Centre");
    }

    [Fact]
    public async Task A_suspended_agency_cannot_submit_a_bid_and_is_told_why()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);

        await DeliverAsync(new AgencySuspended(a.Id, "Forged registration certificate", BiddingApi.Now), NewId.NextGuid());
        var refused = await _bed.SubmitAsync(a, 400_000.00m);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rule").GetString().Should().Be(BidCodes.AgencySuspended);
        problem.GetProperty("detail").GetString().Should().Contain("Forged registration certificate");
        var me = await a.Client.GetFromJsonAsync<JsonElement>("/api/agencies/me");
        me.GetProperty("suspended").GetBoolean().Should().BeTrue();
        me.GetProperty("suspensionReason").GetString().Should().Be("Forged registration certificate");
        _bed.Db(db => db.Bids.Count(b => b.AgencyId == a.Id)).Should().Be(0);
    }

    [Fact]
    public async Task A_suspended_agency_cannot_revise_its_bid_and_a_reinstated_one_can()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);
        var bidId = (await _bed.SubmittedAsync(a, 400_000.00m)).GetProperty("bidId").GetGuid();

        await DeliverAsync(new AgencySuspended(a.Id, "Forged registration certificate", BiddingApi.Now), NewId.NextGuid());
        var refused = await a.Client.PutAsJsonAsync($"/api/bids/{bidId}", new { content = BidBed.Content(a, 410_000.00m) });
        await DeliverAsync(new AgencyReinstated(a.Id, BiddingApi.Now), NewId.NextGuid());
        var revised = await a.Client.PutAsJsonAsync($"/api/bids/{bidId}", new { content = BidBed.Content(a, 410_000.00m) });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(BidCodes.AgencySuspended);
        revised.StatusCode.Should().Be(HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reinstated_agency_bids_again_and_a_redelivered_suspension_does_not_suspend_it_anew()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);
        var suspension = NewId.NextGuid();
        await DeliverAsync(new AgencySuspended(a.Id, "Forged registration certificate", BiddingApi.Now), suspension);
        await DeliverAsync(new AgencyReinstated(a.Id, BiddingApi.Now.AddHours(1)), NewId.NextGuid());

        await DeliverAsync(new AgencySuspended(a.Id, "Forged registration certificate", BiddingApi.Now), suspension);

        var me = await a.Client.GetFromJsonAsync<JsonElement>("/api/agencies/me");
        me.GetProperty("suspended").GetBoolean().Should().BeFalse();
        me.GetProperty("suspensionReason").ValueKind.Should().Be(JsonValueKind.Null);
        (await _bed.SubmitAsync(a, 400_000.00m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_suspended_agency_is_refused_in_chinese_for_a_chinese_caller()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);
        await DeliverAsync(new AgencySuspended(a.Id, "伪造登记证书", BiddingApi.Now), NewId.NextGuid());
        var zh = _bed.Api.Client(Roles.Agency, a.Id, "zh-CN");

        var refused = await zh.PostAsJsonAsync("/api/bids", new { tenderId = _bed.Tender.TenderId, content = BidBed.Content(a, 400_000.00m) });

        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
            .Should().Be("平台管理员已暂停本机构的注册，恢复前不能投标。原因：伪造登记证书");
    }
}
