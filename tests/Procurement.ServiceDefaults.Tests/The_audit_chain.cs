using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// Issue 18 item 3: every state change is an entry (who, role, organisation, when, what, before → after, why) written with
/// the change, linked into the service's hash chain; the verification re-computes the chain and names the first broken
/// link, for a changed row and for a removed one; a move to the other crypto suite keeps the old links verifiable.
/// </summary>
public sealed class The_audit_chain : IAsyncLifetime
{
    private static readonly Guid Purchasers = Guid.Parse("de000018-0000-4000-8000-000000000001");

    private readonly string _folder = WidgetModule.TempFolder();
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await StartAsync(suite: null);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_change_made_by_a_user_names_the_user_role_organisation_and_the_values_before_and_after()
    {
        var userId = Guid.NewGuid().ToString();
        using var client = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Purchaser, Purchasers, userId: userId));
        var created = await client.PostAsJsonAsync("/widgets", new { name = "first" });
        created.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = await created.Content.ReadFromJsonAsync<Guid>();
        (await client.PutAsJsonAsync($"/widgets/{id}", new { name = "renamed" })).StatusCode.Should().Be(HttpStatusCode.OK);

        var entries = await LinkedAsync();
        entries.Should().HaveCount(2);
        var (added, renamed) = (entries[0], entries[1]);
        added.Sequence.Should().Be(1);
        added.PreviousHash.Should().Be(AuditEntry.GenesisHash);
        added.ActorId.Should().Be(userId);
        added.ActorRole.Should().Be(Roles.Purchaser);
        added.ActorOrganisationId.Should().Be(Purchasers);
        added.What.Should().Be("Widget Added");
        var addedChange = JsonDocument.Parse(added.Changes).RootElement.EnumerateArray().Single();
        addedChange.GetProperty("entity").GetString().Should().Be("Widget");
        addedChange.GetProperty("key").GetString().Should().Be(id.ToString("D"));
        addedChange.GetProperty("after").GetProperty("Name").GetString().Should().Be("first");
        addedChange.TryGetProperty("before", out _).Should().BeFalse();

        renamed.Sequence.Should().Be(2);
        renamed.PreviousHash.Should().Be(added.Hash);
        renamed.What.Should().Be("Widget Modified");
        renamed.Reason.Should().Be("a clearer name");
        var change = JsonDocument.Parse(renamed.Changes).RootElement.EnumerateArray().Single();
        change.GetProperty("before").GetProperty("Name").GetString().Should().Be("first");
        change.GetProperty("after").GetProperty("Name").GetString().Should().Be("renamed");
        change.GetProperty("after").TryGetProperty("Changes", out _).Should().BeFalse("only the properties that changed are written");
    }

    [Fact]
    public async Task A_change_the_platform_makes_names_the_part_that_made_it_and_a_failed_save_leaves_no_entry()
    {
        using (AuditScope.System("WidgetImport", "nightly import"))
        {
            await _host.InDbAsync(async db =>
            {
                db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "taken" });
                return await db.SaveChangesAsync();
            });
        }

        var duplicate = () => _host.InDbAsync(async db =>
        {
            db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = "taken" });
            return await db.SaveChangesAsync();
        });
        await duplicate.Should().ThrowAsync<DbUpdateException>();

        var entries = await LinkedAsync();
        entries.Should().ContainSingle();
        entries[0].ActorId.Should().Be("system:WidgetImport");
        entries[0].ActorRole.Should().BeEmpty();
        entries[0].ActorOrganisationId.Should().BeNull();
        entries[0].Reason.Should().Be("nightly import");
    }

    [Fact]
    public async Task An_intact_chain_verifies_and_the_auditor_alone_may_ask()
    {
        await AddWidgetsAsync(3);
        using var auditor = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Auditor, Guid.NewGuid()));
        var reports = await auditor.GetFromJsonAsync<AuditChainReport[]>("/api/audit/chains/widget", Json);
        var report = reports!.Should().ContainSingle().Subject;
        report.Chain.Should().Be("changes");
        report.Intact.Should().BeTrue();
        report.Checked.Should().Be(3);
        report.Unlinked.Should().Be(0);
        report.HeadSequence.Should().Be(3);
        report.Suites.Should().Equal(new Dictionary<string, long> { [CryptoSuites.DefaultSuiteId] = 3 });

        var page = await auditor.GetFromJsonAsync<AuditEntryPage>("/api/audit/chains/widget/entries?after=1&take=1", Json);
        page!.Items.Should().ContainSingle().Which.Sequence.Should().Be(2);
        page.NextAfter.Should().Be(2);

        using var purchaser = _host.CreateClient().WithToken(TestTokens.For(_host.Services, Roles.Purchaser, Purchasers));
        (await purchaser.GetAsync("/api/audit/chains/widget")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await auditor.GetAsync("/api/audit/chains/nowhere")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_changed_row_breaks_the_chain_where_it_was_changed()
    {
        await AddWidgetsAsync(4);
        await _host.InDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE AuditEntries SET Changes = replace(Changes, 'widget 2', 'widget two') WHERE Sequence = 3"));

        var report = await VerifyAsync();
        report.Intact.Should().BeFalse();
        report.FirstBroken!.Sequence.Should().Be(3);
        report.FirstBroken.Problem.Should().Be("hash_mismatch");
        report.Checked.Should().Be(4);
    }

    [Fact]
    public async Task A_removed_row_breaks_the_chain_at_the_gap()
    {
        await AddWidgetsAsync(4);
        await _host.InDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2"));

        var report = await VerifyAsync();
        report.Intact.Should().BeFalse();
        report.FirstBroken!.Sequence.Should().Be(3);
        report.FirstBroken.Problem.Should().Be("sequence_gap");
        report.FirstBroken.Detail.Should().Contain("entries 2 are missing");
    }

    [Fact]
    public async Task A_row_rewritten_with_a_fresh_hash_breaks_the_next_link()
    {
        await AddWidgetsAsync(3);
        var suites = _host.Services.GetRequiredService<CryptoSuites>();
        await _host.InDbAsync(async db =>
        {
            var second = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            second.Reason = "rewritten";
            second.Hash = second.ComputeHash(suites.Current);
            return await db.SaveChangesAsync();
        });

        var report = await VerifyAsync();
        report.FirstBroken!.Sequence.Should().Be(3);
        report.FirstBroken.Problem.Should().Be("previous_hash_mismatch");
    }

    [Fact]
    public async Task After_a_move_to_the_national_suite_old_and_new_links_both_verify()
    {
        await AddWidgetsAsync(2);
        await _host.DisposeAsync();
        _host = await StartAsync(suite: ShangMiSuite.SuiteId);
        await AddWidgetsAsync(3, from: 2);

        var entries = await LinkedAsync();
        entries.Select(e => e.Suite).Should().Equal(NistSuite.SuiteId, NistSuite.SuiteId, ShangMiSuite.SuiteId, ShangMiSuite.SuiteId, ShangMiSuite.SuiteId);
        entries[2].PreviousHash.Should().Be(entries[1].Hash);
        entries[2].Hash.Should().Be(entries[2].ComputeHash(ShangMiSuite.Instance)).And.NotBe(entries[2].ComputeHash(NistSuite.Instance));

        var report = await VerifyAsync();
        report.Intact.Should().BeTrue();
        report.Suites.Should().Equal(new Dictionary<string, long> { [NistSuite.SuiteId] = 2, [ShangMiSuite.SuiteId] = 3 });
    }

    [Fact]
    public async Task A_history_rewritten_with_every_hash_computed_again_verifies_but_no_longer_reaches_the_day_head_announced_before()
    {
        await AddWidgetsAsync(3);
        // A closer of its own (the host's clock loop runs the host's one at start-up, at a moment of its choosing).
        var services = _host.Services;
        var closer = new AuditDayCloser<WidgetDb>(
            services.GetRequiredService<ServiceAuditChain<WidgetDb>>(), services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditDayCloser<WidgetDb>>.Instance);
        (await closer.RunOnceAsync(CancellationToken.None)).Should().Be(1);
        (await closer.RunOnceAsync(CancellationToken.None)).Should().Be(0, "a day is closed once");
        var announced = await _host.InDbAsync(async db => (await db.OutboxMessages.Where(m => m.MessageType.Contains("AuditChainDayClosed")).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<Contracts.Audit.AuditChainDayClosed>(m.Payload, Json)!)
            .OrderBy(a => a.ClosedAt).Last());
        announced.Service.Should().Be("widget");
        announced.Date.Should().Be(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1));
        announced.Sequence.Should().Be(3);

        // A forger changes entry 2 and computes every hash after it again: the chain alone verifies.
        var suites = _host.Services.GetRequiredService<CryptoSuites>();
        await _host.InDbAsync(async db =>
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
            entries[1].Reason = "rewritten";
            for (var i = 1; i < entries.Count; i++)
            {
                entries[i].PreviousHash = entries[i - 1].Hash;
                entries[i].Hash = entries[i].ComputeHash(suites.Get(entries[i].Suite));
            }

            return await db.SaveChangesAsync();
        });
        (await VerifyAsync()).Intact.Should().BeTrue();

        var head = (await LinkedAsync()).Single(e => e.Sequence == announced.Sequence);
        head.Hash.Should().NotBe(announced.Hash, "whoever kept the announced head sees the rewrite");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private Task<RunningHost> StartAsync(string? suite) => TestHosts.StartAsync(
        new TestSettings
        {
            DataDirectory = _folder,
            KeepDataDirectory = true,
            Values = new Dictionary<string, string?> { [CryptoSuites.Setting] = suite },
            ConfigureApp = app =>
            {
                app.MapPost("/widgets", async (WidgetBody body, WidgetDb db) =>
                {
                    var widget = new Widget { Id = Guid.NewGuid(), Name = body.Name };
                    db.Widgets.Add(widget);
                    await db.SaveChangesAsync();
                    return widget.Id;
                }).RequireAuthorization(Roles.Purchaser);
                app.MapPut("/widgets/{id:guid}", async (Guid id, WidgetBody body, WidgetDb db) =>
                {
                    using var reason = AuditScope.Because("a clearer name");
                    var widget = await db.Widgets.SingleAsync(w => w.Id == id);
                    widget.Name = body.Name;
                    await db.SaveChangesAsync();
                    return Results.Ok();
                }).RequireAuthorization(Roles.Purchaser);
            },
        },
        "widgets", WidgetModule.Module);

    private async Task AddWidgetsAsync(int count, int from = 0)
    {
        for (var i = from; i < from + count; i++)
        {
            await _host.InDbAsync(async db =>
            {
                db.Widgets.Add(new Widget { Id = Guid.NewGuid(), Name = $"widget {i}" });
                return await db.SaveChangesAsync();
            });
        }

        // Linked now, as the chainer would shortly after the commits: a row is tampered with after it was linked.
        await Chain.LinkPendingAsync(CancellationToken.None);
    }

    private ServiceAuditChain<WidgetDb> Chain => _host.Services.GetRequiredService<ServiceAuditChain<WidgetDb>>();

    private Task<AuditChainReport> VerifyAsync() => Chain.VerifyAsync(CancellationToken.None);

    private async Task<List<AuditEntry>> LinkedAsync()
    {
        await Chain.LinkPendingAsync(CancellationToken.None);
        return await _host.InDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());
    }

    private sealed record WidgetBody(string Name);
}

/// <summary>What an entry keeps of a value: never the bytes or a secret themselves, and a value object as its parts.</summary>
public sealed class An_audit_entrys_values
{
    [Fact]
    public async Task Bytes_are_kept_as_their_hash_secrets_as_redacted_and_a_value_object_as_its_parts()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<VaultDb>().UseSqlite(connection).Options;
        await using var db = new VaultDb(options);
        await db.Database.EnsureCreatedAsync();

        var content = "sealed bid content"u8.ToArray();
        db.Vaults.Add(new Vault { Id = Guid.NewGuid(), Content = content, PasswordHash = "AQAAAAIAAYagAAAAE-secret", Terms = new Terms(12, ["a", "b"]) });
        (await db.SaveChangesAsync()).Should().Be(1, "the audit entry is not counted as one of the caller's changes");

        var entry = await db.AuditEntries.SingleAsync();
        var after = JsonDocument.Parse(entry.Changes).RootElement[0].GetProperty("after");
        after.GetProperty("Content").GetString().Should().Be(
            $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))} (18 bytes)");
        after.GetProperty("PasswordHash").GetString().Should().Be(AuditTrail.Redacted);
        entry.Changes.Should().NotContain("secret").And.NotContain("sealed bid content");
        after.GetProperty("Terms").GetProperty("Months").GetInt32().Should().Be(12);
        after.GetProperty("Terms").GetProperty("Tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("a", "b");
        entry.ActorId.Should().Be("system", "nobody signed in and no part of the platform said it acts");
        entry.Sequence.Should().BeNull("it is linked after the commit");
    }

    public sealed record Terms(int Months, IReadOnlyList<string> Tags);

    public sealed class Vault
    {
        public Guid Id { get; set; }

        public byte[] Content { get; set; } = [];

        public string PasswordHash { get; set; } = "";

        public Terms Terms { get; set; } = new(0, []);
    }

    public sealed class VaultDb(DbContextOptions<VaultDb> options) : Persistence.ServiceDbContext(options)
    {
        public DbSet<Vault> Vaults => Set<Vault>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            base.OnModelCreating(modelBuilder);
            modelBuilder.Entity<Vault>().Property(v => v.Terms).HasConversion(
                t => JsonSerializer.Serialize(t, (JsonSerializerOptions?)null), t => JsonSerializer.Deserialize<Terms>(t, (JsonSerializerOptions?)null)!);
        }
    }
}
