using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using Procurement.Disbursement.Domain;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Simulation;

/// <summary>The two renewal policies compared.</summary>
public enum ContinuityPolicy
{
    /// <summary>Re-tender 30 days before the end, always a new tender, no bridge; instalments scheduled at activation.</summary>
    Baseline,

    /// <summary>The platform's: learnt lead time, the renewal decision, bridge extensions, cash before service.</summary>
    Platform,
}

/// <summary>
/// The minimum days of each procurement step, before the drawn delay is added: the rules' own numbers where the
/// platform has them (the bidding period of <see cref="ProcurementMethodRules"/>, the challenge window of
/// <see cref="AwardRules"/>), the simulator's assumptions elsewhere (docs/continuity.md).
/// </summary>
/// <param name="PreparationDays">A new tender pre-filled from the last one, reviewed and published.</param>
/// <param name="BiddingDays">Publication to the bid deadline: <c>PublicTender</c>'s minimum (20).</param>
/// <param name="EvaluationDays">Opening, compliance review and scoring.</param>
/// <param name="SigningDays">Award (or direct renewal drafted) to both signatures.</param>
/// <param name="NegotiationDays">A direct renewal's terms agreed before the lifecycle's <c>Renew</c> drafts the successor.</param>
public sealed record ProcurementSteps(int PreparationDays, int BiddingDays, int EvaluationDays, int SigningDays, int NegotiationDays)
{
    public static ProcurementSteps Default { get; } = new(
        PreparationDays: 5,
        BiddingDays: ProcurementMethodRules.Default[ProcurementMethod.PublicTender].MinimumBiddingDays ?? 20,
        EvaluationDays: 3,
        SigningDays: 1,
        NegotiationDays: 5);
}

/// <summary>
/// What the programs of one policy share while it runs: the options, the rules, the purchaser's history of procurement
/// durations (tender published → both signed) and signing durations (drafted → both signed) from which the platform
/// learns its lead time and its forecast, and the counts the report shows. A day's signings join the history when the
/// day ends, so every program sees the same history on a day whatever order the programs are stepped in. The history is
/// kept in ascending order: a percentile (<see cref="Percentiles.NearestRank"/>) sorts what it is given, and sorting a
/// list already in order is several times faster — the platform's forecast asks for it at every bridge proposal.
/// </summary>
public sealed class SimulationWorld
{
    private readonly List<int> _procurementHistory = [];
    private readonly List<int> _signingHistory = [];
    private readonly List<int> _todayProcurement = [];
    private readonly List<int> _todaySigning = [];
    private RenewalLeadTime? _leadTime;

    public SimulationWorld(SimulationOptions options, ContinuityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Policy = policy;
        ProcurementCap = options.CapPercentile is { } p ? options.ProcurementDelay.Quantile(p) : null;
        PaymentCap = options.CapPercentile is { } q ? options.PaymentDelay.Quantile(q) : null;
    }

    public SimulationOptions Options { get; }

    public ContinuityPolicy Policy { get; }

    public ContractRules ContractRules { get; } = ContractRules.Default;

    public ContinuityRules ContinuityRules { get; } = ContinuityRules.Default;

    public DisbursementRules DisbursementRules { get; } = DisbursementRules.Default;

    public ProcurementSteps Steps { get; } = ProcurementSteps.Default;

    /// <summary>Working days are weekdays: the simulator does not configure holidays (the platform's calendar is admin data).</summary>
    public WorkingDayCalendar Calendar { get; } = new([], []);

    public AwardRules AwardRules { get; } = AwardRules.Default;

    /// <summary>The procurement delays' cap in days, when a cap percentile was given.</summary>
    public double? ProcurementCap { get; }

    /// <summary>The payment delays' cap in days, when a cap percentile was given.</summary>
    public double? PaymentCap { get; }

    /// <summary>The durations tender published → both signed so far, in days, ascending.</summary>
    public IReadOnlyCollection<int> ProcurementHistory => _procurementHistory;

    /// <summary>The durations drafted → both signed so far, in days, ascending.</summary>
    public IReadOnlyCollection<int> SigningHistory => _signingHistory;

    /// <summary>The lead time learnt from the history so far (<see cref="ContinuityRules.LeadTime"/>), worked out again only when the history grew.</summary>
    public RenewalLeadTime LeadTime => _leadTime ??= ContinuityRules.LeadTime(_procurementHistory);

    /// <summary>
    /// The part of the policy's lead time that moves with the history: the platform's learnt <see cref="LeadTime"/>; 0 for
    /// the baseline, whose 30 days never move. A contract's lead time less this is fixed while it waits for its renewal point.
    /// </summary>
    public int LearntLeadDays => Policy == ContinuityPolicy.Platform ? LeadTime.Days : 0;

    /// <summary>
    /// Whether a program's course depends on the others': the platform's lead time and forecast read the history every
    /// program adds to. The baseline's renewal point (end − 30) and its tenders read nothing of it, so its programs are
    /// independent of each other and may be run apart.
    /// </summary>
    public bool ProgramsShareHistory => Policy == ContinuityPolicy.Platform;

    public SimulationCounts Counts { get; } = new();

    /// <summary>A successor was signed: its durations join the history at the end of the day.</summary>
    public void RecordSigning(DateOnly? tenderPublishedOn, DateOnly draftedOn, DateOnly signedOn)
    {
        if (tenderPublishedOn is { } published)
        {
            _todayProcurement.Add(signedOn.DayNumber - published.DayNumber);
        }

        _todaySigning.Add(Math.Max(0, signedOn.DayNumber - draftedOn.DayNumber));
    }

    public void EndDay()
    {
        if (_todayProcurement.Count > 0)
        {
            MergeInto(_procurementHistory, _todayProcurement);
            _leadTime = null;
        }

        MergeInto(_signingHistory, _todaySigning);
    }

    /// <summary>Merges the day's durations into the history, keeping it ascending, from the back (only the larger values move), and clears them.</summary>
    private static void MergeInto(List<int> history, List<int> today)
    {
        if (today.Count == 0)
        {
            return;
        }

        today.Sort();
        var kept = history.Count - 1;
        var added = today.Count - 1;
        history.AddRange(today);
        for (var write = history.Count - 1; added >= 0; write--)
        {
            history[write] = kept >= 0 && history[kept] > today[added] ? history[kept--] : today[added--];
        }

        today.Clear();
    }
}

/// <summary>What happened under one policy, beyond the three figures of the issue.</summary>
public sealed class SimulationCounts
{
    public int DirectRenewals { get; set; }

    public int NewTenders { get; set; }

    /// <summary>Direct renewals the lifecycle refused at <c>Renew</c> (a bridge reached the cap meanwhile): a new tender followed.</summary>
    public int RenewalsRefused { get; set; }

    public int SuccessorsSigned { get; set; }

    /// <summary>Successors signed after their start date.</summary>
    public int SuccessorsSignedLate { get; set; }

    public int BridgesApproved { get; set; }

    /// <summary>Bridges the plan or the lifecycle refused (36-month cap, or a contract already <c>Renewed</c>), by reason.</summary>
    public Dictionary<string, int> BridgesRefused { get; } = new(StringComparer.Ordinal);

    public int InstalmentsPaid { get; set; }
}
