using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Procurement.Contracts.Audit;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Time;

namespace Procurement.ServiceDefaults.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>How often a service looks whether a day of its chain has ended and is to be closed (<c>Audit:DayCloseCheckInterval</c>).</summary>
    public TimeSpan DayCloseCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Closes each day of a service's audit chain: at the first pass after midnight in Shanghai it links what is pending and
/// raises <see cref="AuditChainDayClosed"/> with the chain's head for the day that ended (once per process and day; a
/// restart raises the last day again, which the collector of the daily roots ignores).
/// </summary>
public sealed class AuditDayCloser<TContext>(
    ServiceAuditChain<TContext> chain, IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options,
    ILogger<AuditDayCloser<TContext>> logger) : ClockJob(clock, logger)
    where TContext : DbContext, IOutboxContext
{
    private DateOnly? _closedThrough;

    protected override TimeSpan Interval => options.Value.DayCloseCheckInterval;

    protected override string Activity => $"Closing the day of the {chain.Service} audit chain";

    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var yesterday = now.ShanghaiDate().AddDays(-1);
        if (_closedThrough >= yesterday)
        {
            return 0;
        }

        await chain.LinkPendingAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var head = await ServiceAuditChain<TContext>.HeadAsync(db, cancellationToken);
        db.Raise(new AuditChainDayClosed(
            chain.Service, yesterday, head?.Sequence ?? 0, head?.Hash ?? AuditEntry.GenesisHash, head?.Suite ?? "", now));
        await db.SaveChangesAsync(cancellationToken);
        _closedThrough = yesterday;
        return 1;
    }
}
