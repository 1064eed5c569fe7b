using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Audit;

/// <summary>Where a chain stops holding: the entry, the kind of break, and what was expected there.</summary>
/// <param name="Sequence">The first entry that does not link (for a removed entry: the one after the gap).</param>
/// <param name="Problem"><c>sequence_gap</c>, <c>previous_hash_mismatch</c>, <c>hash_mismatch</c> or <c>unknown_suite</c>.</param>
/// <param name="Detail">In words, for the auditor: the missing sequence numbers, or the hash expected.</param>
public sealed record AuditBrokenLink(long Sequence, string Problem, string Detail);

/// <summary>One chain re-computed from its first entry.</summary>
/// <param name="Service">The service that keeps the chain: <c>tendering</c>, <c>bidding</c>, …</param>
/// <param name="Chain"><c>changes</c> (every state change) or a service's own chain (Bidding's <c>unseal-reads</c>).</param>
/// <param name="Checked">How many linked entries were re-computed.</param>
/// <param name="Unlinked">Entries saved but not linked yet (they are linked before a verification, so normally 0).</param>
/// <param name="HeadSequence">The last entry's place; with <see cref="HeadHash"/> what a reader keeps to see a later rewrite.</param>
/// <param name="Suites">How many entries each crypto suite linked (both, after a deployment moved from one to the other).</param>
/// <param name="Intact">True when every link holds.</param>
/// <param name="FirstBroken">The first link that does not hold; null when intact.</param>
public sealed record AuditChainReport(
    string Service, string Chain, long Checked, long Unlinked, long? HeadSequence, string? HeadHash, DateTimeOffset? HeadAt,
    IReadOnlyDictionary<string, long> Suites, bool Intact, AuditBrokenLink? FirstBroken, DateTimeOffset VerifiedAt);

/// <summary>One hash chain a service keeps, re-computed on demand.</summary>
public interface IAuditChain
{
    string Service { get; }

    string Name { get; }

    Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Walks any hash chain in sequence order (the audit chain of state changes, Bidding's unseal-read chain): each link must
/// follow the one before without a gap and carry its hash as its previous hash; its own hash is the caller's to check.
/// After the first break the rest are only counted.
/// </summary>
public sealed class HashChainWalk
{
    private string _previousHash = AuditEntry.GenesisHash;
    private long _previousSequence;

    public long Checked { get; private set; }

    public AuditBrokenLink? FirstBroken { get; private set; }

    /// <param name="ownHash">The link's own hash checked again: the break, or null; asked only while the chain still holds.</param>
    public void Step(long sequence, string? previousHash, string? hash, Func<AuditBrokenLink?> ownHash)
    {
        ArgumentNullException.ThrowIfNull(ownHash);
        Checked++;
        FirstBroken ??= Link(sequence, previousHash) ?? ownHash();
        _previousSequence = sequence;
        _previousHash = hash ?? "";
    }

    /// <summary>The break of a link whose stored hash is not the one its fields give.</summary>
    public static AuditBrokenLink? HashBreak(long sequence, string? stored, string expected) =>
        string.Equals(stored, expected, StringComparison.Ordinal)
            ? null
            : new(sequence, "hash_mismatch", $"the entry's fields hash to {expected}, not to the stored {stored}");

    private AuditBrokenLink? Link(long sequence, string? previousHash)
    {
        if (sequence != _previousSequence + 1)
        {
            var missing = sequence == _previousSequence + 2 ? $"{_previousSequence + 1}" : $"{_previousSequence + 1}–{sequence - 1}";
            return new(sequence, "sequence_gap", $"entries {missing} are missing (expected {_previousSequence + 1}, found {sequence})");
        }

        return string.Equals(previousHash, _previousHash, StringComparison.Ordinal)
            ? null
            : new(sequence, "previous_hash_mismatch", $"previous hash should be {_previousHash}");
    }
}

/// <summary>
/// Re-computes a chain of state changes entry by entry (<see cref="HashChainWalk"/>), each entry's hash with the suite
/// it names.
/// </summary>
public sealed class AuditChainVerifier(CryptoSuites suites)
{
    private readonly Dictionary<string, long> _suites = new(StringComparer.Ordinal);
    private readonly HashChainWalk _walk = new();

    public long Checked => _walk.Checked;

    public AuditBrokenLink? FirstBroken => _walk.FirstBroken;

    public AuditEntry? Head { get; private set; }

    public IReadOnlyDictionary<string, long> Suites => _suites;

    public void Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _suites[entry.Suite] = _suites.GetValueOrDefault(entry.Suite) + 1;
        var sequence = entry.Sequence ?? 0;
        _walk.Step(sequence, entry.PreviousHash, entry.Hash, () =>
        {
            CryptoSuite suite;
            try
            {
                suite = suites.Get(entry.Suite);
            }
            catch (KeyNotFoundException exception)
            {
                return new(sequence, "unknown_suite", exception.Message);
            }

            return HashChainWalk.HashBreak(sequence, entry.Hash, entry.ComputeHash(suite));
        });
        Head = entry;
    }
}

/// <summary>
/// A service's chain of state changes (<see cref="AuditEntry"/>): links what its saves wrote, and re-computes it.
/// Linking happens after the commit, in one place per database: on SQL Server with replicas, two that linked the same
/// place collide on the sequence's unique index and the later one links again from the new head.
/// </summary>
public sealed class ServiceAuditChain<TContext>(IServiceScopeFactory scopes, CryptoSuites suites, TimeProvider clock) : IAuditEntrySource
    where TContext : DbContext, IOutboxContext
{
    public const string ChainName = "changes";

    private const int Batch = 500;
    private const int VerifyPage = 2000;

    private readonly SemaphoreSlim _linking = new(1, 1);

    public string Service { get; } = DeadLetterOperations.ServiceOf(typeof(TContext));

    public string Name => ChainName;

    /// <summary>Links every entry saved so far, oldest first, with the current suite; answers how many it linked.</summary>
    public async Task<int> LinkPendingAsync(CancellationToken cancellationToken)
    {
        await _linking.WaitAsync(cancellationToken);
        try
        {
            var linked = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                var pending = await db.AuditEntries.Where(a => a.Sequence == null)
                    .OrderBy(a => a.At).ThenBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
                if (pending.Count == 0)
                {
                    return linked;
                }

                var head = await HeadAsync(db, cancellationToken);
                foreach (var entry in pending)
                {
                    entry.LinkAfter(head, suites.Current);
                    head = entry;
                }

                await db.SaveChangesAsync(cancellationToken);
                linked += pending.Count;
            }
        }
        finally
        {
            _linking.Release();
        }
    }

    /// <summary>The last linked entry; null for a chain with none.</summary>
    public static Task<AuditEntry?> HeadAsync(TContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntryView>> ReadAsync(long after, int take, CancellationToken cancellationToken)
    {
        await LinkPendingAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
            .OrderBy(a => a.Sequence).Take(take).ToListAsync(cancellationToken);
        return [.. entries.Select(e => new AuditEntryView(
            e.Sequence!.Value, e.At, e.ActorId, e.ActorRole, e.ActorOrganisationId, e.What, e.Reason, e.Changes, e.Suite, e.PreviousHash ?? "", e.Hash ?? ""))];
    }

    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await LinkPendingAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var verifier = new AuditChainVerifier(suites);
        long after = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(VerifyPage).ToListAsync(cancellationToken);
            foreach (var entry in page)
            {
                verifier.Check(entry);
            }

            if (page.Count < VerifyPage)
            {
                break;
            }

            after = page[^1].Sequence!.Value;
        }

        var unlinked = await db.AuditEntries.LongCountAsync(a => a.Sequence == null, cancellationToken);
        return new AuditChainReport(
            Service, Name, verifier.Checked, unlinked, verifier.Head?.Sequence, verifier.Head?.Hash, verifier.Head?.At,
            verifier.Suites, verifier.FirstBroken is null, verifier.FirstBroken, clock.GetUtcNow());
    }
}

/// <summary>Links a database's new audit entries soon after their commit (woken by it; polled as a safety net).</summary>
public sealed class AuditChainer<TContext>(
    ServiceAuditChain<TContext> chain, OutboxSignals signals, ILogger<AuditChainer<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxContext
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DispatchLoop.RunAsync(
            async ct =>
            {
                try
                {
                    await chain.LinkPendingAsync(ct);
                }
                catch (DbUpdateException exception)
                {
                    // Another replica linked the same place first; the next pass links from its head.
                    logger.LogInformation(exception, "Linking the {Service} audit chain collided; linking again", chain.Service);
                }
            },
            signals.For<TContext>().Listen<AuditEntry>(), PollInterval,
            exception => logger.LogError(exception, "Linking the {Service} audit chain failed", chain.Service), stoppingToken);
}
