using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Bidding.Data;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

public sealed class Open_tenders : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHosts.StartAsync(
        new TestSettings { TestHarness = true, Configure = b => b.Services.AddSingleton<TimeProvider>(_clock) },
        "bidding", BiddingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static TenderPublished Tender(string title, DateTimeOffset deadline) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), title, 480_000.00m, deadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Now);

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private async Task PublishAndWaitAsync(TenderPublished message, Guid? messageId = null)
    {
        var harness = _host.Services.GetRequiredService<ITestHarness>();
        if (_sent == 0)
        {
            harness.Bus.ConnectConsumeObserver(_deliveries);
        }

        await harness.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        harness.Published.Select<Fault<TenderPublished>>().Should().BeEmpty();
    }

    private async Task<JsonElement[]> ListAsync()
    {
        var client = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Agency, Guid.NewGuid()));
        var response = await client.GetAsync("/api/bids/open-tenders");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    [Fact]
    public async Task An_agency_sees_a_published_tender_with_its_deadline_in_shanghai_time()
    {
        // 09:00 UTC is 17:00 in Shanghai.
        var published = Tender("Elder care 2027", new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
        await PublishAndWaitAsync(published);

        var tender = (await ListAsync()).Should().ContainSingle().Subject;
        tender.GetProperty("tenderId").GetGuid().Should().Be(published.TenderId);
        tender.GetProperty("title").GetString().Should().Be("Elder care 2027");
        tender.GetProperty("budgetCeiling").GetRawText().Should().Be("480000.00");
        tender.GetProperty("bidDeadlineLocal").GetString().Should().Be("2026-12-20T17:00:00+08:00");
        tender.GetProperty("timeZone").GetString().Should().Be("Asia/Shanghai");
    }

    [Fact]
    public async Task A_tender_leaves_the_list_when_its_deadline_passes()
    {
        var closesSoon = Tender("closes soon", Now.AddHours(1));
        var closesLater = Tender("closes later", Now.AddDays(3));
        await PublishAndWaitAsync(closesLater);
        await PublishAndWaitAsync(closesSoon);

        (await ListAsync()).Select(t => t.GetProperty("title").GetString()).Should().Equal("closes soon", "closes later");

        _clock.Advance(TimeSpan.FromHours(1));
        (await ListAsync()).Select(t => t.GetProperty("title").GetString()).Should().Equal("closes later");
    }

    [Fact]
    public async Task The_same_tender_published_twice_is_kept_once()
    {
        var published = Tender("redelivered", Now.AddDays(10));
        var messageId = NewId.NextGuid();
        await PublishAndWaitAsync(published, messageId);
        await PublishAndWaitAsync(published, messageId);

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        (await db.OpenTenders.CountAsync(t => t.TenderId == published.TenderId)).Should().Be(1);
        (await db.InboxMessages.CountAsync(m => m.MessageId == messageId)).Should().Be(1);
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_list_open_tenders()
    {
        (await _host.CreateClient().GetAsync("/api/bids/open-tenders")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
