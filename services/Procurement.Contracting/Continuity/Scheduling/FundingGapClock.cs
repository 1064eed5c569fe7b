using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Contracting.Continuity.Data;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Scheduling;
using Procurement.Contracts.Continuity;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Continuity.Scheduling;

/// <summary>
/// Watches every program's coverage for funding gap days (DOMAIN.md §2) and raises <see cref="FundingGapOpened"/> on a
/// gap's first day and <see cref="FundingGapClosed"/> once a day after it is funded again (<see cref="FundingGapWatch"/>).
/// Each program's watch row is saved with its events in one transaction; days over are judged once, so a second pass or a
/// replica raises nothing twice, and days missed while the service was down are judged at the next start, in order.
/// Runs at start-up and then every <c>Contracting:Continuity:RenewalCheckInterval</c> (else <c>Contracting:ClockCheckInterval</c>).
/// </summary>
public sealed class FundingGapClock(
    IServiceScopeFactory scopes, TimeProvider clock, ContractRules contractRules, IOptions<ContinuityOptions> options,
    IOptions<ContractClockOptions> clockOptions, ILogger<FundingGapClock> logger)
    : ClockJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.RenewalCheckInterval ?? clockOptions.Value.ClockCheckInterval;

    protected override string Activity => "Watching programs for funding gaps";

    /// <summary>One pass over every program; answers how many gap events it raised.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<ProgramOverview> programs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            programs = await scope.ServiceProvider.GetRequiredService<ContractingDb>().AllProgramsAsync(cancellationToken);
        }

        var raised = 0;
        foreach (var program in programs)
        {
            raised += await WatchAsync(program, cancellationToken);
        }

        return raised;
    }

    private async Task<int> WatchAsync(ProgramOverview program, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var today = now.ShanghaiDate();
        if (program.Span.ActiveFrom > today)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContractingDb>();
        var watch = await db.Set<ProgramGapWatch>().FirstOrDefaultAsync(w => w.ProgramId == program.ProgramId, cancellationToken);
        var state = watch is null
            ? FundingGapState.Fresh
            : new FundingGapState(watch.OpenSince, watch.LastGapDay, watch.Cause, watch.ContractId, watch.JudgedThrough);
        var from = state.JudgedThrough?.AddDays(1) ?? program.Span.ActiveFrom;
        var yesterday = today.AddDays(-1);
        var lastFinal = program.Span.ActiveUntil is { } until && until < yesterday ? until : yesterday;
        var contracts = await db.CoverageAsync(program.ProgramId, cancellationToken);
        var finalDays = from <= lastFinal ? CoverageTimeline.Days(contracts, from, lastFinal, today, contractRules) : [];
        var todayDay = program.Span.Contains(today) ? CoverageTimeline.Days(contracts, today, today, today, contractRules)[0] : null;
        var (after, changes) = FundingGapWatch.Judge(state, finalDays, todayDay);
        if (after == state)
        {
            return 0;
        }

        if (watch is null)
        {
            watch = new ProgramGapWatch { ProgramId = program.ProgramId };
            db.Add(watch);
        }
        else
        {
            watch.Version++;
        }

        watch.PurchasingUnitId = program.PurchasingUnitId;
        watch.OpenSince = after.OpenSince;
        watch.LastGapDay = after.LastGapDay;
        watch.Cause = after.Cause;
        watch.ContractId = after.ContractId;
        watch.JudgedThrough = after.JudgedThrough;
        foreach (var change in changes)
        {
            if (change.Opened)
            {
                db.Raise(new FundingGapOpened(program.ProgramId, program.PurchasingUnitId, change.ContractId, change.FirstDay, change.Cause!, now));
            }
            else
            {
                db.Raise(new FundingGapClosed(program.ProgramId, program.PurchasingUnitId, change.FirstDay, change.LastDay!.Value, change.Days, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return changes.Count;
        }
        catch (DbUpdateException exception)
        {
            // Another replica judged the program first: the next pass starts from what it saved.
            Logger.LogInformation(exception, "The funding gap watch of program {ProgramId} was not saved; the next pass looks again", program.ProgramId);
            return 0;
        }
    }
}
