using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Stateless;
using Stateless.Graph;

namespace Procurement.Contracting.Domain;

/// <summary>The contract's state machine (DOMAIN.md §7), kept on <see cref="Contract.State"/>.</summary>
public sealed partial class Contract
{
    /// <summary>
    /// Triggers only the platform fires — the clock's, and the postponement a bridge on the predecessor causes; people
    /// never see them among their permitted triggers.
    /// </summary>
    public static IReadOnlySet<ContractTrigger> ClockTriggers { get; } =
        new HashSet<ContractTrigger> { ContractTrigger.Activate, ContractTrigger.EnterRenewalWindow, ContractTrigger.Postpone };

    private StateMachine<ContractState, ContractTrigger>? _machine;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<ContractParty>? _sign;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<ContractChange>? _amend;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<string>? _suspend;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<Guid>? _renew;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<int>? _extendBridge;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<string>? _terminate;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<int>? _setPaymentTerm;
    private StateMachine<ContractState, ContractTrigger>.TriggerWithParameters<int>? _postpone;

    // What the time-bound guards judge by; set by every intent before the machine is asked.
    private DateOnly _today;
    private ContractRules _rules = ContractRules.Default;

    private StateMachine<ContractState, ContractTrigger> Machine => _machine ??= Build();

    /// <summary>The lifecycle as a Mermaid state diagram, generated from the machine itself.</summary>
    public static string LifecycleDiagram() => MermaidGraph.Format(new Contract().Machine.GetInfo());

    /// <summary>The lifecycle as a Graphviz DOT graph, generated from the machine itself.</summary>
    public static string LifecycleDot() => UmlDotGraph.Format(new Contract().Machine.GetInfo());

    /// <summary>Every trigger the machine permits now, the clock's included.</summary>
    public IReadOnlyList<ContractTrigger> PermittedTriggers(ContractRules rules, DateTimeOffset now)
    {
        Judge(rules, now);
        return [.. Enum.GetValues<ContractTrigger>().Where(Machine.CanFire)];
    }

    /// <summary>
    /// The triggers a party may fire now: the purchaser every permitted trigger a person fires, the agency only its
    /// signature; anyone else (an auditor) none. A party that has signed is not offered <c>Sign</c> again.
    /// </summary>
    public IReadOnlyList<ContractTrigger> TriggersFor(ContractParty? party, ContractRules rules, DateTimeOffset now)
    {
        if (party is null)
        {
            return [];
        }

        return [.. PermittedTriggers(rules, now)
            .Where(t => !ClockTriggers.Contains(t))
            .Where(t => t == ContractTrigger.Sign ? !HasSigned(party.Value) : party == ContractParty.Purchaser)];
    }

    /// <summary>The triggers any person may fire now (what a refusal lists).</summary>
    public IReadOnlyList<ContractTrigger> PersonTriggers(ContractRules rules, DateTimeOffset now) =>
        [.. PermittedTriggers(rules, now).Where(t => !ClockTriggers.Contains(t))];

    /// <summary>
    /// Refuses a trigger the machine does not permit now, with the guards unmet and the triggers that are allowed: those
    /// of the acting <paramref name="party"/>, or any person's when the clock acts.
    /// </summary>
    private ContractState Begin(ContractTrigger trigger, ContractRules rules, DateTimeOffset now, ContractParty? party)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Judge(rules, now);
        if (Machine.CanFire(trigger, out var unmetGuards))
        {
            return State;
        }

        var refusal = Refusal(ContractCodes.TriggerNotAllowed, trigger, rules, now, party, includeAllowedInText: true);
        refusal.Extensions["unmetGuards"] = (unmetGuards ?? []).Select(ContractCodes.Guard).ToList();
        throw refusal;
    }

    /// <summary>A 409 that carries the state and the triggers allowed now (<c>allowedTriggers</c>).</summary>
    private ConflictException Refusal(string code, ContractTrigger trigger, ContractRules rules, DateTimeOffset now, ContractParty? party, bool includeAllowedInText)
    {
        var allowed = (party is null ? PersonTriggers(rules, now) : TriggersFor(party, rules, now)).Select(t => t.ToString()).ToList();
        var refusal = includeAllowedInText
            ? new ConflictException(code, trigger.ToString(), State.ToString(), allowed.Count == 0 ? ProblemMessages.Get("contract_no_trigger") : string.Join(", ", allowed))
            : new ConflictException(code, PartyName(party ?? ContractParty.Purchaser));
        refusal.Extensions["state"] = State.ToString();
        refusal.Extensions["trigger"] = trigger.ToString();
        refusal.Extensions["allowedTriggers"] = allowed;
        return refusal;
    }

    private void Judge(ContractRules rules, DateTimeOffset now)
    {
        _rules = rules;
        _today = now.ShanghaiDate();
    }

    private StateMachine<ContractState, ContractTrigger> Build()
    {
        var machine = new StateMachine<ContractState, ContractTrigger>(() => State, s => State = s);
        _sign = machine.SetTriggerParameters<ContractParty>(ContractTrigger.Sign);
        _amend = machine.SetTriggerParameters<ContractChange>(ContractTrigger.Amend);
        _suspend = machine.SetTriggerParameters<string>(ContractTrigger.Suspend);
        _renew = machine.SetTriggerParameters<Guid>(ContractTrigger.Renew);
        _extendBridge = machine.SetTriggerParameters<int>(ContractTrigger.ExtendBridge);
        _terminate = machine.SetTriggerParameters<string>(ContractTrigger.Terminate);
        _setPaymentTerm = machine.SetTriggerParameters<int>(ContractTrigger.SetPaymentTerm);
        _postpone = machine.SetTriggerParameters<int>(ContractTrigger.Postpone);

        var bothSigned = ContractCodes.Description(ContractCodes.GuardBothSigned);
        var startDateCome = ContractCodes.Description(ContractCodes.GuardStartDateCome);
        var awaitingSignature = ContractCodes.Description(ContractCodes.GuardAwaitingSignature);
        var renewalWindowOpen = ContractCodes.Description(ContractCodes.GuardRenewalWindowOpen);
        var finalPassed = ContractCodes.Description(ContractCodes.GuardFinalEvaluationPassed);
        var successorUnsigned = ContractCodes.Description(ContractCodes.GuardSuccessorUnsigned);

        // The first signature issues the draft for signature; until both have signed, the draft can still be withdrawn.
        // The payment term is agreed while nobody has signed: the terms signed are the terms kept. A renewal's successor
        // is postponed when its predecessor is bridged (DOMAIN.md §2); a signature given to the old period is void, so a
        // half-signed successor goes back to Draft.
        machine.Configure(ContractState.Draft)
            .PermitReentry(ContractTrigger.SetPaymentTerm)
            .PermitReentry(ContractTrigger.Postpone)
            .Permit(ContractTrigger.Sign, ContractState.PendingSignature)
            .Permit(ContractTrigger.Terminate, ContractState.Terminated);

        machine.Configure(ContractState.PendingSignature)
            .PermitReentryIf(ContractTrigger.Sign, () => !BothSigned, awaitingSignature)
            .PermitIf(ContractTrigger.Postpone, ContractState.Draft, () => !BothSigned, awaitingSignature)
            .PermitIf(ContractTrigger.Activate, ContractState.Active,
                new Tuple<Func<bool>, string>(() => BothSigned, bothSigned),
                new Tuple<Func<bool>, string>(() => Start <= _today, startDateCome))
            .Permit(ContractTrigger.Terminate, ContractState.Terminated);

        machine.Configure(ContractState.Active)
            .PermitReentry(ContractTrigger.Amend)
            .PermitReentry(ContractTrigger.ExtendBridge)
            .Permit(ContractTrigger.Suspend, ContractState.Suspended)
            .PermitIf(ContractTrigger.EnterRenewalWindow, ContractState.Expiring, () => _rules.RenewalWindowOpens(End) <= _today, renewalWindowOpen)
            .PermitIf(ContractTrigger.Complete, ContractState.Completed, () => FinalEvaluationPassed, finalPassed)
            .Permit(ContractTrigger.Terminate, ContractState.Terminated);

        machine.Configure(ContractState.Suspended)
            .PermitReentry(ContractTrigger.Amend)
            .Permit(ContractTrigger.Resume, ContractState.Active)
            .Permit(ContractTrigger.Terminate, ContractState.Terminated);

        machine.Configure(ContractState.Expiring)
            .PermitReentry(ContractTrigger.Amend)
            .PermitReentry(ContractTrigger.ExtendBridge)
            .Permit(ContractTrigger.Suspend, ContractState.Suspended)
            .Permit(ContractTrigger.Renew, ContractState.Renewed)
            .PermitIf(ContractTrigger.Complete, ContractState.Completed, () => FinalEvaluationPassed, finalPassed)
            .Permit(ContractTrigger.Terminate, ContractState.Terminated);

        machine.Configure(ContractState.Completed);
        // A renewed contract serves to its end; while its successor is unsigned a bridge may still extend it (the
        // successor is postponed by the same months, see ContractBridging).
        machine.Configure(ContractState.Renewed)
            .PermitReentryIf(ContractTrigger.ExtendBridge, () => SuccessorSignedAt is null, successorUnsigned);
        machine.Configure(ContractState.Terminated);
        return machine;
    }
}
