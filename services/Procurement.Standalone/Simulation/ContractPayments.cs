using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Disbursement.Domain;
using Procurement.Rules;

namespace Procurement.Standalone.Simulation;

/// <summary>
/// Disbursement's side of one simulated contract, in memory: its <see cref="ContractAccount"/>, the instalments of
/// <see cref="SchedulePlan.For"/>, and each instalment's whole flow (request, approval, release by treasury, payment
/// confirmed) run through <see cref="Instalment"/> on the day treasury pays — the instalment's due day plus a delay drawn
/// from the payment-delay distribution. What was paid is what the coverage timeline reads.
/// </summary>
public sealed class ContractPayments(Contract contract, int programIndex, int contractOrdinal, SimulationWorld world)
{
    private static readonly Actor AgencyUser = new("agency", IsTreasury: false);
    private static readonly Actor PurchaserUser = new("purchaser", IsTreasury: false);
    private static readonly Actor Releaser = new("treasury", IsTreasury: true);
    private static readonly Actor Confirmer = new("treasury-bank", IsTreasury: true);

    // The simulation does not model appropriations (DOMAIN.md §2 budget timing): the year's is never the limit.
    private const decimal Unlimited = 1_000_000_000_000m;

    private readonly List<Instalment> _instalments = [];
    private readonly List<CoveragePayment> _paid = [];
    private ContractAccount? _account;
    private decimal _engaged;

    public Contract Contract { get; } = contract;

    public bool Scheduled => _account is not null;

    public IReadOnlyList<CoveragePayment> Paid => _paid;

    /// <summary>
    /// Schedules the contract's instalments; the first (the advance) falls due on <paramref name="on"/>, to be paid within
    /// the payment term or by <paramref name="payBy"/> when that is earlier. Answers it, for the payment queue.
    /// </summary>
    public PendingPayment Schedule(DateOnly on, DateOnly? payBy, DateTimeOffset now)
    {
        _account = ContractAccount.Activated(
            Contract.Id, Contract.ProgramId, Contract.PurchasingUnitId, Contract.AgencyId, Contract.Amount, Contract.Start, Contract.End,
            Contract.PaymentTermDays, now);
        var lines = Contract.PaymentSchedule.Select(s => new ScheduleLine(s.Percent, SchedulePlan.ParseCondition(s.Condition))).ToList();
        foreach (var planned in SchedulePlan.For(Contract.Amount, lines))
        {
            _instalments.Add(Instalment.Plan(Contract.Id, planned, Contract.PaymentTermDays));
        }

        return FallDue(_instalments[0], on, payBy);
    }

    /// <summary>
    /// A performance grade, as Disbursement's consumer takes it: a passing stage makes its instalment due; a <c>Fail</c>
    /// withholds it, and the simulated purchaser decides at once to resume it (the simulator measures procurement, not
    /// sanctions), which makes it due that day. Null when nothing falls due.
    /// </summary>
    public PendingPayment? Evaluated(string stage, bool passed, DateOnly on, DateTimeOffset now)
    {
        var condition = stage == ContractEvaluation.MidTerm ? PaymentCondition.MidTermPassed : PaymentCondition.FinalPassed;
        var instalment = _instalments.FirstOrDefault(i => i.Condition == condition && i.Status == InstalmentStatus.Scheduled);
        if (instalment is null || _account is null)
        {
            return null;
        }

        if (passed)
        {
            return FallDue(instalment, on, payBy: null);
        }

        instalment.Withhold($"{stage} performance evaluation graded Fail", _account, now);
        instalment.DecideWithholding(resume: true, "Rectification plan accepted", PurchaserUser.Id, _account, on);
        return new PendingPayment(on.AddDays(TreasuryDays(instalment)), this, instalment);
    }

    /// <summary>
    /// A bridge extension's instalment, as Disbursement's <c>ContractAmendedConsumer</c> adds it: the amount the bridge
    /// added, due on approval, to be paid on or before the extension's first day (cash before service, DOMAIN.md §2).
    /// </summary>
    public PendingPayment? Bridged(decimal previousAmount, DateOnly previousEnd, DateOnly on)
    {
        if (_account is null)
        {
            return null;
        }

        _account.Amend(Contract.Amount, Contract.End);
        var added = Contract.Amount - previousAmount;
        var instalment = Instalment.Plan(Contract.Id, SchedulePlan.Bridge(_instalments.Count, added, Contract.Amount), Contract.PaymentTermDays);
        _instalments.Add(instalment);
        return FallDue(instalment, on, payBy: previousEnd.AddDays(1));
    }

    /// <summary>Treasury pays: the agency requests, the purchaser approves, treasury releases and confirms, all on <paramref name="on"/>.</summary>
    public void Pay(Instalment instalment, DateOnly on, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instalment);
        var account = _account ?? throw new InvalidOperationException("An instalment is paid only after the contract's schedule exists.");
        instalment.Request(AgencyUser, now);
        instalment.Approve(PurchaserUser, account, new FundingPosition(account.Amount, _engaged, on.Year, Unlimited), now);
        _engaged += instalment.Amount;
        instalment.Release(Releaser, account, new FundingPosition(account.Amount, _engaged, on.Year, Unlimited), now);
        instalment.ConfirmPaid(Confirmer, account, now, on);
        _paid.Add(new CoveragePayment(on, instalment.Amount));
    }

    /// <summary>Instalments paid after their pay-by day, or still unpaid after it on <paramref name="today"/>.</summary>
    public int LateBy(DateOnly today) => _instalments.Count(i => i.DueOn <= today && i.IsLate(today));

    private PendingPayment FallDue(Instalment instalment, DateOnly on, DateOnly? payBy)
    {
        instalment.FallDue(on, payBy);
        return new PendingPayment(on.AddDays(TreasuryDays(instalment)), this, instalment);
    }

    private int TreasuryDays(Instalment instalment) =>
        world.Options.PaymentDelay.Days(
            Draws.For(world.Options.Seed, programIndex, DrawPurpose.TreasuryDelay, (contractOrdinal * 64) + instalment.Sequence), world.PaymentCap);
}

/// <summary>An instalment treasury pays on <paramref name="On"/>.</summary>
public sealed record PendingPayment(DateOnly On, ContractPayments Contract, Instalment Instalment);
