using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Audit;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.Disclosure;

/// <summary>One service's audit chain head at the end of a day, as the service announced it (the first announcement stands).</summary>
[NotAudited]
public sealed class AuditChainHead
{
    public DateOnly Date { get; set; }

    public string Service { get; set; } = "";

    public long Sequence { get; set; }

    public string Hash { get; set; } = "";

    public string Suite { get; set; } = "";

    public DateTimeOffset ClosedAt { get; set; }
}

/// <summary>
/// The root of every service's audit chain for a day (issue 18 item 3), published in the open data: whoever keeps it can
/// later see that a service's history was rewritten, since the rewritten chain no longer reaches the head the root holds.
/// <see cref="Root"/> = H(<see cref="AuditRoots.Canonical"/> of the day's heads) with the suite <see cref="Suite"/> names.
/// </summary>
[NotAudited]
public sealed class AuditDailyRoot
{
    public DateOnly Date { get; set; }

    public string Root { get; set; } = "";

    public string Suite { get; set; } = "";

    public DateTimeOffset ComputedAt { get; set; }
}

public sealed class AuditRootOptions
{
    /// <summary>The services whose chains a day's root holds (<c>Audit:RootServices</c>, comma-separated): a root is made once all have closed the day.</summary>
    public string RootServices { get; set; } = "identity,tendering,bidding,evaluation,contracting,disbursement";

    public IReadOnlyList<string> Services =>
        [.. RootServices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)];
}

public static class AuditRoots
{
    /// <summary>
    /// What the root hashes: one line per service, in ordinal order of the service's name, "service|sequence|hash|suite\n",
    /// UTF-8. Anyone can compute it again from the heads the open data lists.
    /// </summary>
    public static string Canonical(IEnumerable<AuditChainHead> heads) => string.Concat(heads
        .OrderBy(h => h.Service, StringComparer.Ordinal)
        .Select(h => $"{h.Service}|{h.Sequence.ToString(CultureInfo.InvariantCulture)}|{h.Hash}|{h.Suite}\n"));

    public static string Compute(CryptoSuite suite, IEnumerable<AuditChainHead> heads)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return Convert.ToHexStringLower(suite.Hash(Encoding.UTF8.GetBytes(Canonical(heads))));
    }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditChainHead>(head =>
        {
            head.ToTable("AuditChainHeads");
            head.HasKey(h => new { h.Date, h.Service });
            head.Property(h => h.Service).HasMaxLength(40);
            head.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
            head.Property(h => h.Suite).HasMaxLength(AuditEntry.SuiteMaxLength);
        });
        modelBuilder.Entity<AuditDailyRoot>(root =>
        {
            root.ToTable("AuditDailyRoots");
            root.HasKey(r => r.Date);
            root.Property(r => r.Root).HasMaxLength(64).IsFixedLength();
            root.Property(r => r.Suite).HasMaxLength(AuditEntry.SuiteMaxLength);
        });
    }
}

/// <summary>Keeps each service's daily head and, once every service of <see cref="AuditRootOptions"/> closed the day, its root.</summary>
public sealed class AuditChainDayClosedConsumer(
    TenderingDb db, TimeProvider clock, CryptoSuites suites, IOptions<AuditRootOptions> options, ILogger<AuditChainDayClosedConsumer> logger)
    : IdempotentConsumer<TenderingDb, AuditChainDayClosed>(db, clock, logger)
{
    protected override async Task HandleAsync(AuditChainDayClosed message, ConsumeContext<AuditChainDayClosed> context)
    {
        var ct = context.CancellationToken;
        var heads = await Db.AuditChainHeads.Where(h => h.Date == message.Date).ToListAsync(ct);
        if (heads.Any(h => h.Service == message.Service))
        {
            // Announced again after a restart: the head first announced for the day stands.
            return;
        }

        var head = new AuditChainHead
        {
            Date = message.Date, Service = message.Service, Sequence = message.Sequence, Hash = message.Hash, Suite = message.Suite,
            ClosedAt = message.ClosedAt,
        };
        Db.AuditChainHeads.Add(head);
        heads.Add(head);

        var wanted = options.Value.Services;
        if (wanted.All(s => heads.Any(h => h.Service == s)) && !await Db.AuditDailyRoots.AnyAsync(r => r.Date == message.Date, ct))
        {
            var suite = suites.Current;
            Db.AuditDailyRoots.Add(new AuditDailyRoot
            {
                Date = message.Date,
                Root = AuditRoots.Compute(suite, heads.Where(h => wanted.Contains(h.Service))),
                Suite = suite.Id,
                ComputedAt = Clock.GetUtcNow(),
            });
        }
    }
}
