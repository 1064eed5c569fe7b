using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Audit;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 18 item 3: the daily root of every service's audit chain is published in the open data once every service has
/// closed the day; the first head a service announces for a day stands; anyone recomputes the root from the heads.
/// </summary>
public sealed class Daily_audit_roots : IAsyncLifetime
{
    /// <summary>A day before the host's own: its chain closes 2026-11-01 at start-up (the fake clock's yesterday), and that head stands.</summary>
    private static readonly DateOnly Day = new(2026, 10, 30);
    private static readonly string[] Services = ["identity", "tendering", "bidding", "evaluation", "contracting", "disbursement"];

    private ClockedTenderingHost _host = null!;

    public async Task InitializeAsync() => _host = await ClockedTenderingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_root_is_published_once_every_service_closed_the_day_and_anyone_can_compute_it_again()
    {
        using var anyone = _host.Host.CreateClient();
        foreach (var service in Services[..5])
        {
            await AnnounceAsync(Closed(service, 10, 'a'));
        }

        (await anyone.GetAsync("/api/public/audit-roots/2026-10-30")).StatusCode.Should().Be(HttpStatusCode.NotFound, "disbursement has not closed the day");
        await AnnounceAsync(Closed("disbursement", 0, '0'));

        var root = await RootAsync(anyone);
        var canonical = string.Concat(Services.Order(StringComparer.Ordinal).Select(s => s == "disbursement"
            ? $"{s}|0|{new string('0', 64)}|\n"
            : $"{s}|10|{Hash(s, 'a')}|std-1\n"));
        root.GetProperty("canonical").GetString().Should().Be(canonical);
        root.GetProperty("suite").GetString().Should().Be("std-1");
        root.GetProperty("root").GetString().Should().Be(Convert.ToHexStringLower(NistSuite.Instance.Hash(Encoding.UTF8.GetBytes(canonical))));
        root.GetProperty("heads").GetArrayLength().Should().Be(6);

        var list = await anyone.GetFromJsonAsync<JsonElement>("/api/public/audit-roots?from=2026-10-01&to=2026-11-30");
        list.GetProperty("total").GetInt32().Should().Be(1);
        list.GetProperty("items")[0].GetProperty("root").GetString().Should().Be(root.GetProperty("root").GetString());
        (await anyone.GetAsync("/api/public/audit-roots?from=2026-11-30&to=2026-10-30")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_head_announced_again_after_a_restart_leaves_the_first_one_standing()
    {
        foreach (var service in Services)
        {
            await AnnounceAsync(Closed(service, 5, 'b'));
        }

        using var anyone = _host.Host.CreateClient();
        var before = await RootAsync(anyone);
        await AnnounceAsync(Closed("bidding", 9, 'c'));

        var after = await anyone.GetFromJsonAsync<JsonElement>("/api/public/audit-roots/2026-10-30");
        after.GetProperty("root").GetString().Should().Be(before.GetProperty("root").GetString());
        after.GetProperty("canonical").GetString().Should().Contain($"bidding|5|{Hash("bidding", 'b')}|std-1");
    }

    /// <summary>Publishes a service's close of the day and waits until Tendering has consumed it (not counted by SendAsync: see ConsumeCounter).</summary>
    private async Task AnnounceAsync(AuditChainDayClosed closed)
    {
        var before = await HandledAsync();
        await _host.Harness.Bus.Publish(closed, context => context.MessageId = NewId.NextGuid());
        await Procurement.Testing.Poll.UntilAsync(async () => await HandledAsync() > before, "Tendering handles the close of the day", TimeSpan.FromSeconds(30));
        _host.Harness.Published.Select<Fault<AuditChainDayClosed>>().Should().BeEmpty();
    }

    /// <summary>How many closes of a day Tendering has handled (its inbox keeps one row per message handled).</summary>
    private async Task<int> HandledAsync()
    {
        await using var scope = _host.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.TenderingDb>();
        return await db.InboxMessages.CountAsync(m => m.Consumer.EndsWith(nameof(Disclosure.AuditChainDayClosedConsumer)));
    }

    /// <summary>The day's root, once the last head sent has been consumed.</summary>
    private static async Task<JsonElement> RootAsync(HttpClient anyone)
    {
        await Procurement.Testing.Poll.UntilAsync(
            async () => (await anyone.GetAsync("/api/public/audit-roots/2026-10-30")).StatusCode == HttpStatusCode.OK, "the day's root", TimeSpan.FromSeconds(10));
        return await anyone.GetFromJsonAsync<JsonElement>("/api/public/audit-roots/2026-10-30");
    }

    private static AuditChainDayClosed Closed(string service, long sequence, char fill) =>
        new(service, Day, sequence, sequence == 0 ? new string('0', 64) : Hash(service, fill), sequence == 0 ? "" : "std-1",
            new DateTimeOffset(2026, 10, 30, 16, 0, 1, TimeSpan.Zero));

    /// <summary>A head's hash as a service would announce it: here 64 of one hex digit, different per test.</summary>
    private static string Hash(string service, char fill) => service.Length > 0 ? new string(fill, 64) : "";
}
