using CsCheck;
using Procurement.Contracting.Domain;
using Procurement.Rules.Refusals;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests;

/// <summary>
/// Random trigger sequences, fired at a contract and the successors its renewals draft, on a clock that moves on by
/// random days, when the contract clock also runs. Refused triggers are part of the sequence: a refusal must change nothing. After every step the
/// invariants of DOMAIN.md §2 and §7 must hold for every contract of the chain.
/// </summary>
public sealed class Contract_lifecycle_properties(Xunit.Abstractions.ITestOutputHelper output)
{
    private enum Op
    {
        SignPurchaser,
        SignAgency,
        Activate,
        EnterRenewalWindow,
        AmendEnd,
        AmendAmount,
        Suspend,
        Resume,
        ExtendBridge,
        Renew,
        Terminate,
        Complete,
        GradeFinal,
        PassDays,
    }

    private sealed record Step(Op Op, int Size, int Days)
    {
        public override string ToString() => $"{Op}({Size}, {Days})";
    }

    private static readonly Op[] Ending = [Op.Terminate];
    private static readonly Op[] Others = [.. Enum.GetValues<Op>().Except(Ending)];

    // Terminating is absorbing and possible in almost every state: a third as likely as each other step, so that
    // sequences live long enough to reach renewals.
    private static readonly Gen<Op> Ops = Gen.Int[0, (Others.Length * 3) - 1].Select(n => n == 0 ? Op.Terminate : Others[n % Others.Length]);

    private static readonly Gen<Step[]> Sequences =
        Gen.Select(Ops, Gen.Int[0, 6], Gen.Int[0, 200], (op, size, days) => new Step(op, size, days)).Array[1, 80];

    private static readonly int[] Reached = new int[Enum.GetValues<ContractState>().Length];

    [Fact]
    public void Random_trigger_sequences_keep_every_invariant()
    {
        Sequences.Sample(Run, iter: 1_000, print: steps => string.Join(", ", steps.Select(s => s.ToString())));

        output.WriteLine(string.Join(", ", Enum.GetValues<ContractState>().Select(s => $"{s}: {Reached[(int)s]} step-contracts")));

        // The sequences must reach the states whose invariants they check, or the property proves little.
        foreach (var state in new[] { ContractState.Active, ContractState.Expiring, ContractState.Completed, ContractState.Renewed, ContractState.Terminated })
        {
            Volatile.Read(ref Reached[(int)state]).Should().BePositive($"some sequence reaches {state}");
        }
    }

    private static void Run(Step[] steps)
    {
        var now = Now;
        var first = Drafted(Today.AddDays(10), Today.AddDays(10).AddYears(1).AddDays(-1));
        var contracts = new Dictionary<Guid, Contract> { [first.Id] = first };
        var current = first;
        foreach (var step in steps)
        {
            var before = Snapshot(current);
            var wasCompleted = current.State == ContractState.Completed;
            try
            {
                current = Apply(step, current, contracts, ref now);
            }
            catch (Refusal refusal) when (refusal is ConflictException or RuleViolationException)
            {
                if (Snapshot(current) != before)
                {
                    throw new InvalidOperationException($"A refused {step} ({refusal.Code}) changed the contract.");
                }
            }

            if (!wasCompleted && current.State == ContractState.Completed)
            {
                // Grades that arrive later are kept for the renewal decision; what counts is the grade at completion.
                Require(current.FinalEvaluationPassed, current, "completed without a passing final evaluation");
            }

            foreach (var contract in contracts.Values)
            {
                CheckInvariants(contract, contracts);
                Interlocked.Increment(ref Reached[(int)contract.State]);
            }
        }
    }

    private static Contract Apply(Step step, Contract contract, Dictionary<Guid, Contract> contracts, ref DateTimeOffset now)
    {
        var since = ContractChain.ConsecutiveSince(contract, contracts.GetValueOrDefault);
        switch (step.Op)
        {
            case Op.SignPurchaser:
                contract.Sign(ContractParty.Purchaser, Guid.NewGuid(), Contracts.Rules, now);
                break;
            case Op.SignAgency:
                contract.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, now);
                break;
            case Op.Activate:
                contract.Activate(Contracts.Rules, now);
                break;
            case Op.EnterRenewalWindow:
                contract.EnterRenewalWindow(Contracts.Rules, now);
                break;
            case Op.AmendEnd:
                contract.Amend(new ContractChange(AmendmentReasons.DurationExtension, "Moved", End: contract.End.AddDays((step.Size - 3) * 120)), since, null, Contracts.Rules, now);
                break;
            case Op.AmendAmount:
                contract.Amend(new ContractChange(AmendmentReasons.AmountChange, "Priced again", Amount: contract.Amount + (step.Size * 1000.00m) - 3000.00m), since, null, Contracts.Rules, now);
                break;
            case Op.Suspend:
                contract.Suspend(step.Size == 0 ? "" : "Audit", null, Contracts.Rules, now);
                break;
            case Op.Resume:
                contract.Resume(null, Contracts.Rules, now);
                break;
            case Op.ExtendBridge:
                contract.ExtendBridge(step.Size, null, since, null, Contracts.Rules, now);
                break;
            case Op.Renew:
                var successor = contract.Renew(contract.End.AddMonths(step.Size * 4), 100_000.00m, since, null, Contracts.Rules, now);
                contracts[successor.Id] = successor;
                return successor;
            case Op.Terminate:
                contract.Terminate(step.Size == 0 ? " " : "Ended early", step.Size * 20_000.00m, null, Contracts.Rules, now);
                break;
            case Op.Complete:
                contract.Complete(null, Contracts.Rules, now);
                break;
            case Op.GradeFinal:
                var passed = step.Size % 2 == 0;
                contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, passed ? 80m : 50m, passed ? "Good" : "Fail", passed, now);
                break;
            case Op.PassDays:
                now = now.AddDays(step.Days);
                RunClock(contracts.Values, now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Op, null);
        }

        return contract;
    }

    /// <summary>What the contract clock does when time passes: activate what is due, mark what is expiring.</summary>
    private static void RunClock(IEnumerable<Contract> contracts, DateTimeOffset now)
    {
        foreach (var contract in contracts)
        {
            if (contract.PermittedTriggers(Contracts.Rules, now).Contains(ContractTrigger.Activate))
            {
                contract.Activate(Contracts.Rules, now);
            }

            if (contract.PermittedTriggers(Contracts.Rules, now).Contains(ContractTrigger.EnterRenewalWindow))
            {
                contract.EnterRenewalWindow(Contracts.Rules, now);
            }
        }
    }

    // Plain checks on the hot path: a thousand sequences of up to 80 steps run through here.
    private static void CheckInvariants(Contract contract, Dictionary<Guid, Contract> contracts)
    {
        if (contract.State is ContractState.Active or ContractState.Suspended or ContractState.Expiring or ContractState.Completed or ContractState.Renewed)
        {
            Require(contract.BothSigned && contract.ActivatedAt is not null, contract, "is past signature without both signatures");
        }

        Require(contract.End >= contract.Start, contract, "ends before it starts");
        Require(contract.Versions.All(v => v.End >= v.Start), contract, "has a version that ends before it starts");

        if (contract.State == ContractState.Renewed)
        {
            var successor = contracts[contract.SuccessorId!.Value];
            Require(successor.Start == contract.End.AddDays(1) && successor.PredecessorId == contract.Id, contract, "has a successor that does not start the day after it ends");
        }

        var since = ContractChain.ConsecutiveSince(contract, contracts.GetValueOrDefault);
        Require(contract.End <= Contracts.Rules.CapEnd(since), contract, $"runs past 36 consecutive months with one agency (since {since})");
        Require(contract.Activities.Count(a => a.Trigger is null) == 1, contract, "has more than one drafting entry");
        Require(contract.Versions.Count == contract.TermsVersion, contract, "has a terms version that is not its last version");
    }

    private static void Require(bool holds, Contract contract, string broken)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"The contract {contract.State} {contract.Start}–{contract.End} {broken}.");
        }
    }

    private static (ContractState State, decimal Amount, DateOnly End, int Terms, int Activities, bool Purchaser, bool Agency) Snapshot(Contract c) =>
        (c.State, c.Amount, c.End, c.TermsVersion, c.Activities.Count, c.HasSigned(ContractParty.Purchaser), c.HasSigned(ContractParty.Agency));
}
