using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Simulation;

/// <summary>
/// One service program under one policy, stepped through the real domain: contracts drafted, signed, activated,
/// evaluated, renewed or re-tendered, bridged and completed by <see cref="Contract"/>'s lifecycle; the renewal decision
/// of <see cref="RenewalProposal"/>; the lead time, forecast and bridge plan of <see cref="ContinuityRules"/>; the
/// instalments of Disbursement (<see cref="ContractPayments"/>). A step runs, in order: the procurement in flight,
/// activations, payments, evaluations and completions, the bridge, and the renewal point. A step on a day nothing is
/// due does nothing, so the program may be stepped every day or only on the days <see cref="NextDay"/> and
/// <see cref="RenewalKey"/> name, with the same outcome (<see cref="ContinuitySimulation"/> does the latter).
/// </summary>
public sealed class ProgramRun
{
    private static readonly IReadOnlyList<ContractInstalment> DefaultSchedule =
        [new(30m, "Activation"), new(40m, "MidTermPassed"), new(30m, "FinalPassed")];

    private readonly SimulationWorld _world;
    private readonly int _index;
    private readonly Guid _purchasingUnitId;
    private readonly decimal _annualAmount;
    private readonly List<SimulatedContract> _contracts = [];
    private readonly List<(int Ordinal, CoverageContract Coverage)> _retired = [];
    private readonly List<PendingPayment> _payments = [];
    private SimulatedContract _latest;
    private SuccessorProcurement? _pending;
    private int _procurements;
    private int _added;
    private int _retiredLate;
    private DateOnly _countedTo;
    private ProgramGaps _counted = new(0, 0);

    public ProgramRun(SimulationWorld world, int index, Guid purchasingUnitId)
    {
        ArgumentNullException.ThrowIfNull(world);
        _world = world;
        _index = index;
        _purchasingUnitId = purchasingUnitId;
        ProgramId = Guid.CreateVersion7();
        var seed = world.Options.Seed;
        var start = SimulationCalendar.Epoch.AddDays(Draws.For(seed, index, DrawPurpose.ProgramStart, 0).NextInt(365));

        // 200,400 to 799,200 CNY a year in steps of 1,200, so the monthly rate is whole yuan (the timeline caps the accrued
        // cost at the amount anyway; the draws are kept as they were so recorded runs stay comparable).
        _annualAmount = 1200m * (167 + Draws.For(seed, index, DrawPurpose.ProgramAmount, 0).NextInt(500));
        LastDay = start.AddYears(world.Options.Years).AddDays(-1);
        Span = new ProgramSpan(start, LastDay);
        FirstDay = start.AddDays(-20);
        _countedTo = start.AddDays(-1);

        var first = Contract.Draft(
            new ContractDraft(ProgramId, purchasingUnitId, Guid.CreateVersion7(), "Agency", null, _annualAmount, start, YearFrom(start), [], DefaultSchedule,
                TenderId: Guid.CreateVersion7(), AwardId: Guid.CreateVersion7(), PredecessorId: null),
            SimulationCalendar.Noon(FirstDay));
        Sign(first, SimulationCalendar.Noon(start.AddDays(-10)));
        _latest = Add(first, ContractChain.ConsecutiveSince(first, _ => null));
    }

    public Guid ProgramId { get; }

    /// <summary>The program's number in the run (0 for the first): its draws are keyed by it.</summary>
    public int Index => _index;

    /// <summary>From the first contract's start for the simulated years.</summary>
    public ProgramSpan Span { get; }

    /// <summary>The first day anything happens: the first contract's drafting.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>The span's last day: the program is not stepped after it, and its figures are counted on it.</summary>
    public DateOnly LastDay { get; }

    /// <summary>The contracts not let go by <see cref="Retire"/>, in the order they were added.</summary>
    public IReadOnlyList<SimulatedContract> Contracts => _contracts;

    public void Step(DateOnly today)
    {
        var now = SimulationCalendar.Noon(today);
        Progress(today, now);
        foreach (var contract in _contracts)
        {
            Activate(contract, today, now);
        }

        PayDue(today, now);
        foreach (var contract in _contracts)
        {
            Evaluate(contract, today, now);
        }

        if (_world.Policy == ContinuityPolicy.Platform)
        {
            Bridge(today, now);
        }

        StartRenewal(today, now);
    }

    /// <summary>
    /// The earliest day after <paramref name="after"/> on which a step can do something other than start the renewal
    /// (<see cref="RenewalKey"/>): the procurement's next step, a signed contract's start, a payment, an evaluation, the
    /// bridge proposal day. Null when nothing is due. Something due on or before <paramref name="after"/> (a payment that
    /// fell due after the day's payments were made) answers the next day, as stepping every day would reach it.
    /// </summary>
    public DateOnly? NextDay(DateOnly after)
    {
        var next = DateOnly.MaxValue;
        static void Consider(DateOnly day, DateOnly after, ref DateOnly next)
        {
            var on = day > after ? day : after.AddDays(1);
            next = on < next ? on : next;
        }

        if (_pending is { } pending)
        {
            Consider(pending.Successor is null ? pending.DraftOn : pending.SignOn, after, ref next);
        }

        foreach (var contract in _contracts)
        {
            var c = contract.Contract;
            if (c.State == ContractState.PendingSignature && c.BothSigned)
            {
                Consider(c.Start, after, ref next);
            }

            if (contract.MidTermOn is { } midTerm && !contract.FinalDone)
            {
                if (!contract.MidTermDone)
                {
                    Consider(midTerm, after, ref next);
                }

                Consider(c.End, after, ref next);
            }
        }

        foreach (var payment in _payments)
        {
            Consider(payment.On, after, ref next);
        }

        var latest = _latest.Contract;
        if (_world.Policy == ContinuityPolicy.Platform && _pending is not null && _latest.BridgeTriedFor != latest.End && latest.End > after)
        {
            Consider(_world.ContinuityRules.BridgeProposalDay(latest.End), after, ref next);
        }

        return next == DateOnly.MaxValue ? null : next;
    }

    /// <summary>
    /// While the program waits for its renewal point (no procurement under way, the latest contract <c>Active</c>): the day
    /// number that the day's number plus <see cref="SimulationWorld.LearntLeadDays"/> must reach for the renewal to start,
    /// that is the end less the part of the lead time that does not move with the history. Null when not waiting.
    /// </summary>
    public int? RenewalKey()
    {
        var contract = _latest.Contract;
        if (_pending is not null || contract.State != ContractState.Active)
        {
            return null;
        }

        var since = ConsecutiveSince(contract);
        return contract.End.DayNumber - (LeadDays(contract, since) - _world.LearntLeadDays);
    }

    /// <summary>
    /// Lets go of the contracts nothing more can happen to — not the latest, the final evaluation done, no payment waiting —
    /// keeping what the figures need of them: the coverage timeline's view (its history and payments no longer change) and
    /// its late instalments (every instalment due is paid, so late or not for good). The days before the earliest start of
    /// the contracts kept are then covered only by contracts let go (a successor always starts after the latest ends), so
    /// their gap days are final: they are counted now, and the contracts that end before them are dropped.
    /// </summary>
    public void Retire()
    {
        var retired = false;
        for (var i = _contracts.Count - 1; i >= 0; i--)
        {
            var contract = _contracts[i];
            if (contract == _latest || !contract.FinalDone || _payments.Exists(p => p.Contract == contract.Payments))
            {
                continue;
            }

            _retired.Add((contract.Ordinal, Coverage(contract)));
            _retiredLate += contract.Payments.LateBy(LastDay);
            _contracts.RemoveAt(i);
            retired = true;
        }

        if (!retired)
        {
            return;
        }

        var final = _contracts.Min(c => c.Contract.Start).AddDays(-1);
        final = final < LastDay ? final : LastDay;
        if (final <= _countedTo)
        {
            return;
        }

        _retired.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        var gaps = IntervalGaps.Count([.. _retired.Select(r => r.Coverage)], _countedTo.AddDays(1), final, _world.ContractRules);
        _counted = new ProgramGaps(_counted.NotActiveDays + gaps.NotActiveDays, _counted.CashDays + gaps.CashDays);
        _countedTo = final;
        _retired.RemoveAll(r => r.Coverage.End <= final);
    }

    /// <summary>
    /// The contracts whose days are not counted yet, as the coverage timeline reads them, in the order they were added: all
    /// of them unless <see cref="Retire"/> counted some days already.
    /// </summary>
    public IReadOnlyList<CoverageContract> Coverage() =>
        [.. _retired.Concat(_contracts.Select(c => (c.Ordinal, Coverage: Coverage(c)))).OrderBy(c => c.Ordinal).Select(c => c.Coverage)];

    /// <summary>
    /// The gap days of the program's span (DOMAIN.md §2): every day from its first to its last, as
    /// <see cref="CoverageTimeline.Days"/> counts them, told apart by cause; counted from intervals (<see cref="IntervalGaps"/>),
    /// those of the days <see cref="Retire"/> counted already added.
    /// </summary>
    public ProgramGaps Gaps()
    {
        var rest = IntervalGaps.Count(Coverage(), _countedTo.AddDays(1), LastDay, _world.ContractRules);
        return new ProgramGaps(_counted.NotActiveDays + rest.NotActiveDays, _counted.CashDays + rest.CashDays);
    }

    /// <summary>Instalments paid after their pay-by day (or unpaid past it) by the span's last day.</summary>
    public int LateInstalments() => _retiredLate + _contracts.Sum(c => c.Payments.LateBy(LastDay));

    private void Progress(DateOnly today, DateTimeOffset now)
    {
        if (_pending is not { } pending)
        {
            return;
        }

        if (pending.Successor is null && today >= pending.DraftOn)
        {
            pending.Successor = pending.Path == RenewalPath.DirectRenewal ? Renew(today, now) : Award(now);
            if (pending.Successor is null)
            {
                return;
            }
        }

        if (pending.Successor is { } successor && today >= pending.SignOn)
        {
            Sign(successor, now);
            _world.RecordSigning(pending.PublishOn, pending.DraftOn, today);
            _world.Counts.SuccessorsSigned++;
            _world.Counts.SuccessorsSignedLate += today > successor.Start ? 1 : 0;
            var signed = Add(successor, ConsecutiveSince(successor));
            if (_world.Policy == ContinuityPolicy.Platform)
            {
                // Cash before service (DOMAIN.md §2): a successor's instalments are scheduled at signing, the first to be paid by its start.
                _payments.Add(signed.Payments.Schedule(today, payBy: successor.Start, now));
            }

            _latest = signed;
            _pending = null;
        }
    }

    /// <summary>The lifecycle's direct renewal; a refusal (a bridge took the program to the cap meanwhile) turns to a new tender.</summary>
    private Contract? Renew(DateOnly today, DateTimeOffset now)
    {
        var current = _latest.Contract;
        var since = ConsecutiveSince(current);
        var start = current.End.AddDays(1);
        var end = Min(YearFrom(start), _world.ContractRules.CapEnd(since));
        var rate = _world.ContractRules.MonthlyRate(current.Amount, current.Start, current.End);
        var amount = decimal.Round(rate * _world.ContractRules.PeriodMonths(start, end), 2, MidpointRounding.AwayFromZero);
        try
        {
            return current.Renew(end, amount, since, actor: null, _world.ContractRules, now);
        }
        catch (Exception refused) when (refused is RuleViolationException or ConflictException)
        {
            _world.Counts.RenewalsRefused++;
            _pending = SuccessorProcurement.Plan(RenewalPath.NewTender, today, NextProcurementDraws(), _world);
            _world.Counts.NewTenders++;
            return null;
        }
    }

    /// <summary>The award of a new tender drafts the successor, as Contracting's award consumer does: no predecessor link, a new consecutive run.</summary>
    private Contract Award(DateTimeOffset now)
    {
        var start = _latest.Contract.End.AddDays(1);
        return Contract.Draft(
            new ContractDraft(ProgramId, _purchasingUnitId, Guid.CreateVersion7(), "Agency", null, _annualAmount, start, YearFrom(start), [], DefaultSchedule,
                TenderId: Guid.CreateVersion7(), AwardId: Guid.CreateVersion7(), PredecessorId: null),
            now);
    }

    private void Activate(SimulatedContract contract, DateOnly today, DateTimeOffset now)
    {
        var c = contract.Contract;
        if (c.State != ContractState.PendingSignature || !c.BothSigned || c.Start > today)
        {
            return;
        }

        c.Activate(_world.ContractRules, now);
        if (!contract.Payments.Scheduled)
        {
            _payments.Add(contract.Payments.Schedule(today, payBy: null, now));
        }

        var half = c.Start.AddDays((c.End.DayNumber - c.Start.DayNumber) / 2);
        contract.MidTermOn = half > today ? half : today;
    }

    private void PayDue(DateOnly today, DateTimeOffset now)
    {
        for (var i = _payments.Count - 1; i >= 0; i--)
        {
            var payment = _payments[i];
            if (payment.On <= today)
            {
                payment.Contract.Pay(payment.Instalment, today, now);
                _world.Counts.InstalmentsPaid++;
                _payments.RemoveAt(i);
            }
        }
    }

    /// <summary>The mid-term evaluation at the middle of the period, the final one on its last day, then completion.</summary>
    private void Evaluate(SimulatedContract contract, DateOnly today, DateTimeOffset now)
    {
        var c = contract.Contract;
        if (contract.MidTermOn is not { } midTerm || contract.FinalDone)
        {
            return;
        }

        if (!contract.MidTermDone && today >= midTerm)
        {
            contract.MidTermDone = true;
            Grade(contract, ContractEvaluation.MidTerm, today, now);
        }

        if (today >= c.End)
        {
            contract.FinalDone = true;
            Grade(contract, ContractEvaluation.Final, today, now);
            if (c.PermittedTriggers(_world.ContractRules, now).Contains(ContractTrigger.Complete))
            {
                c.Complete(actor: null, _world.ContractRules, now);
            }
        }
    }

    private void Grade(SimulatedContract contract, string stage, DateOnly today, DateTimeOffset now)
    {
        var grade = contract.Grade;
        contract.Contract.RecordEvaluation(Guid.CreateVersion7(), stage, grade.Score, grade.Name, grade.Passed, now);
        if (contract.Payments.Evaluated(stage, grade.Passed, today, now) is { } payment)
        {
            _payments.Add(payment);
        }
    }

    /// <summary>
    /// From <c>end − 30</c>, once per contract and period as the platform's alert clock does, when the successor is not
    /// signed: the bridge plan of <see cref="ContinuityRules.Bridge"/> from the forecast, applied with
    /// <see cref="BridgeExtension.Extend"/> (the lifecycle's <c>ExtendBridge</c>, and the unsigned successor postponed).
    /// No plan (the cap leaves no month) or a lifecycle refusal means no bridge.
    /// </summary>
    private void Bridge(DateOnly today, DateTimeOffset now)
    {
        var contract = _latest.Contract;
        if (_pending is null || _latest.BridgeTriedFor == contract.End || today < _world.ContinuityRules.BridgeProposalDay(contract.End) || today > contract.End)
        {
            return;
        }

        _latest.BridgeTriedFor = contract.End;
        var successor = _pending.Successor;
        var published = _pending.PublishOn is { } on && on <= today ? on : (DateOnly?)null;
        var forecast = _world.ContinuityRules.Forecast(today, successor is not null, published, _world.ProcurementHistory, _world.SigningHistory);
        var since = ConsecutiveSince(contract);
        var plan = ContinuityRules.Bridge(
            _world.ContractRules, contract.Amount, contract.Start, contract.End, forecast.ExpectedStart(contract.End, successor?.Start),
            _world.ContractRules.CapEnd(since));
        if (plan is null)
        {
            Refused("the 36-month cap leaves no month");
            return;
        }

        var previousAmount = contract.Amount;
        var previousEnd = contract.End;
        var successorSince = successor is null ? (DateOnly?)null : ConsecutiveSince(successor);
        try
        {
            // The platform's own bridge: the contract runs on and an unsigned successor is postponed by the same months.
            BridgeExtension.Extend(contract, successor, plan.Months, text: null, since, successorSince, actor: null, _world.ContractRules, now);
        }
        catch (Refusal refused) when (refused is ConflictException or RuleViolationException)
        {
            Refused($"the lifecycle refused it from {contract.State} ({refused.Code})");
            return;
        }

        _world.Counts.BridgesApproved++;
        if (_latest.Payments.Bridged(previousAmount, previousEnd, today) is { } payment)
        {
            _payments.Add(payment);
        }
    }

    private void Refused(string reason) =>
        _world.Counts.BridgesRefused[reason] = _world.Counts.BridgesRefused.GetValueOrDefault(reason) + 1;

    /// <summary>
    /// The renewal point: the baseline's <c>end − 30</c>, always a new tender; the platform's <c>end − lead time</c> (learnt,
    /// <see cref="ContinuityRules.LeadTime"/>) with the renewal decision of <see cref="RenewalProposal"/>. The lifecycle enters
    /// its renewal window with the same lead time.
    /// </summary>
    private void StartRenewal(DateOnly today, DateTimeOffset now)
    {
        var contract = _latest.Contract;
        if (_pending is not null || contract.State != ContractState.Active)
        {
            return;
        }

        var platform = _world.Policy == ContinuityPolicy.Platform;
        var since = ConsecutiveSince(contract);
        var leadDays = LeadDays(contract, since);
        if (today < contract.End.AddDays(-leadDays))
        {
            return;
        }

        var rules = _world.ContractRules with { RenewalLeadTimeDays = leadDays };
        contract.EnterRenewalWindow(rules, now);
        var path = platform
            ? RenewalProposal.For(contract, since, _world.ContractRules, _world.ContinuityRules).Path
            : RenewalPath.NewTender;
        if (path == RenewalPath.DirectRenewal)
        {
            _world.Counts.DirectRenewals++;
        }
        else
        {
            _world.Counts.NewTenders++;
        }

        _pending = SuccessorProcurement.Plan(path, today, NextProcurementDraws(), _world);
    }

    /// <summary>The lead time of the latest contract: the platform's learnt one for this contract, the baseline's 30 days.</summary>
    private int LeadDays(Contract contract, DateOnly since) =>
        _world.Policy == ContinuityPolicy.Platform
            ? _world.ContinuityRules.ForContract(_world.LeadTime, since, contract.End).Days
            : SimulationCalendar.BaselineLeadDays;

    private Draws NextProcurementDraws() => Draws.For(_world.Options.Seed, _index, DrawPurpose.ProcurementStep, _procurements++);

    /// <summary>A contract signed by both, about to become the latest, with the first day of its consecutive run.</summary>
    private SimulatedContract Add(Contract contract, DateOnly consecutiveSince)
    {
        var ordinal = _added++;
        var simulated = new SimulatedContract(
            ordinal, contract, new ContractPayments(contract, _index, ordinal, _world),
            PerformanceGrade.Draw(Draws.For(_world.Options.Seed, _index, DrawPurpose.Grade, ordinal)), consecutiveSince);
        _contracts.Add(simulated);
        return simulated;
    }

    /// <summary>
    /// The first day of the consecutive run with its agency (<see cref="ContractChain.ConsecutiveSince"/>) of the latest
    /// contract or of the successor drafted after it. The latest's was worked out when it was added and holds while it is the
    /// latest (its start and every contract before it no longer change). A successor's walk back passes through the latest
    /// and then goes on as the latest's did, so the chain is asked for that first link only, and the latest's answer does
    /// the rest: the contracts before the latest need not be kept.
    /// </summary>
    private DateOnly ConsecutiveSince(Contract contract)
    {
        var latest = _latest.Contract;
        if (contract == latest)
        {
            return _latest.ConsecutiveSince;
        }

        var linked = ContractChain.ConsecutiveSince(contract, id => id == latest.Id ? latest : null) != contract.Start;
        return linked ? _latest.ConsecutiveSince : contract.Start;
    }

    private static CoverageContract Coverage(SimulatedContract contract) => CoverageContract.From(contract.Contract, contract.Payments.Paid);

    private void Sign(Contract contract, DateTimeOffset now)
    {
        contract.Sign(ContractParty.Purchaser, actor: null, _world.ContractRules, now);
        contract.Sign(ContractParty.Agency, actor: null, _world.ContractRules, now);
    }

    private static DateOnly YearFrom(DateOnly start) => start.AddMonths(12).AddDays(-1);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
