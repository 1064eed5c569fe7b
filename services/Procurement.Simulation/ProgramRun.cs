using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Simulation;

/// <summary>
/// One service program under one policy, stepped day by day through the real domain: contracts drafted, signed,
/// activated, evaluated, renewed or re-tendered, bridged and completed by <see cref="Contract"/>'s lifecycle; the renewal
/// decision of <see cref="RenewalProposal"/>; the lead time, forecast and bridge plan of <see cref="ContinuityRules"/>;
/// the instalments of Disbursement (<see cref="ContractPayments"/>). Each day runs, in order: the procurement in
/// flight, activations, payments, evaluations and completions, the bridge, and the renewal point.
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
    private readonly Dictionary<Guid, Contract> _byId = [];
    private readonly List<PendingPayment> _payments = [];
    private SimulatedContract _latest;
    private SuccessorProcurement? _pending;
    private int _procurements;

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
        Span = new ProgramSpan(start, start.AddYears(world.Options.Years).AddDays(-1));
        FirstDay = start.AddDays(-20);

        var first = Contract.Draft(
            new ContractDraft(ProgramId, purchasingUnitId, Guid.CreateVersion7(), "Agency", null, _annualAmount, start, YearFrom(start), [], DefaultSchedule,
                TenderId: Guid.CreateVersion7(), AwardId: Guid.CreateVersion7(), PredecessorId: null),
            SimulationCalendar.Noon(FirstDay));
        Sign(first, SimulationCalendar.Noon(start.AddDays(-10)));
        _latest = Add(first);
    }

    public Guid ProgramId { get; }

    /// <summary>From the first contract's start for the simulated years.</summary>
    public ProgramSpan Span { get; }

    /// <summary>The first day anything happens: the first contract's drafting.</summary>
    public DateOnly FirstDay { get; }

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
    /// The gap days of the program's span by the coverage timeline (DOMAIN.md §2): every day from its first to its last,
    /// counted as <see cref="CoverageTimeline.GapsPerYear"/> counts them, told apart by cause.
    /// </summary>
    public ProgramGaps Gaps()
    {
        var last = Span.ActiveUntil!.Value;
        var days = CoverageTimeline.Days(
            [.. _contracts.Select(c => CoverageContract.From(c.Contract, c.Payments.Paid))], Span.ActiveFrom, last, last, _world.ContractRules);
        var uncovered = 0;
        var cash = 0;
        foreach (var day in days)
        {
            if (day.Funding != DayFunding.Active)
            {
                uncovered++;
            }
            else if (day.Gap)
            {
                cash++;
            }
        }

        return new ProgramGaps(uncovered, cash);
    }

    /// <summary>Instalments paid after their pay-by day (or unpaid past it) by the span's last day.</summary>
    public int LateInstalments() => _contracts.Sum(c => c.Payments.LateBy(Span.ActiveUntil!.Value));

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
            var signed = Add(successor);
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
        var since = ContractChain.ConsecutiveSince(current, _byId.GetValueOrDefault);
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
        var since = ContractChain.ConsecutiveSince(contract, _byId.GetValueOrDefault);
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
        var successorSince = successor is null ? (DateOnly?)null : ContractChain.ConsecutiveSince(successor, _byId.GetValueOrDefault);
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
        var since = ContractChain.ConsecutiveSince(contract, _byId.GetValueOrDefault);
        var leadDays = platform ? _world.ContinuityRules.ForContract(_world.LeadTime, since, contract.End).Days : SimulationCalendar.BaselineLeadDays;
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

    private Draws NextProcurementDraws() => Draws.For(_world.Options.Seed, _index, DrawPurpose.ProcurementStep, _procurements++);

    private SimulatedContract Add(Contract contract)
    {
        var ordinal = _contracts.Count;
        var simulated = new SimulatedContract(
            contract, new ContractPayments(contract, _index, ordinal, _world),
            PerformanceGrade.Draw(Draws.For(_world.Options.Seed, _index, DrawPurpose.Grade, ordinal)));
        _contracts.Add(simulated);
        _byId[contract.Id] = contract;
        return simulated;
    }

    private void Sign(Contract contract, DateTimeOffset now)
    {
        contract.Sign(ContractParty.Purchaser, actor: null, _world.ContractRules, now);
        contract.Sign(ContractParty.Agency, actor: null, _world.ContractRules, now);
    }

    private static DateOnly YearFrom(DateOnly start) => start.AddMonths(12).AddDays(-1);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
