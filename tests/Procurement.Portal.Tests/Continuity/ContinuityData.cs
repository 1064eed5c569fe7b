using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Continuity;

/// <summary>
/// One program, 长者居家社工服务, on 2026-12-05: its 2026 contract (阳光社工, ¥1,200,000.00) is expiring and renewed by a
/// drafted 2027 successor; ten unpaid days in March and a forecast gap of five days early in 2027.
/// </summary>
internal static class ContinuityData
{
    public static readonly Guid Unit = new("a0000000-0000-4000-8000-000000000001");
    public static readonly Guid Agency = new("a0000000-0000-4000-8000-000000000002");
    public static readonly Guid Program = new("a0000000-0000-4000-8000-000000000003");
    public static readonly Guid Current = new("a0000000-0000-4000-8000-000000000004");
    public static readonly Guid Successor = new("a0000000-0000-4000-8000-000000000005");
    public static readonly DateOnly Today = new(2026, 12, 5);

    public static ContractSummary Contract(Guid id, DateOnly start, DateOnly end, ContractState state, decimal amount, Guid? predecessor = null, Guid? successor = null) => new()
    {
        Id = id, ProgramId = Program, PurchasingUnitId = Unit, AgencyId = Agency, AgencyName = "阳光社工", State = state, Amount = amount,
        Start = start, End = end, TermsVersion = 1, PredecessorId = predecessor, SuccessorId = successor,
    };

    public static List<ContractSummary> Contracts() =>
    [
        Contract(Current, new(2026, 1, 1), new(2026, 12, 31), ContractState.Expiring, 1_200_000m, successor: Successor),
        Contract(Successor, new(2027, 1, 1), new(2027, 12, 31), ContractState.Draft, 1_260_000m, predecessor: Current),
    ];

    public static TimelineView Timeline() => new()
    {
        ProgramId = Program, PurchasingUnitId = Unit, Name = "长者居家社工服务", ActiveFrom = new(2026, 1, 1),
        From = new(2026, 1, 1), To = new(2027, 12, 31), Today = Today, GapDays = 10, ProjectedGapDays = 5,
        Segments =
        [
            Segment(new(2026, 1, 1), new(2026, 2, 28), gap: false, projected: false),
            Segment(new(2026, 3, 1), new(2026, 3, 10), gap: true, projected: false, CashPosition.Gap),
            Segment(new(2026, 3, 11), new(2026, 12, 31), gap: false, projected: false),
            Segment(new(2027, 1, 1), new(2027, 1, 5), gap: true, projected: true),
        ],
    };

    public static SegmentView Segment(DateOnly from, DateOnly to, bool gap, bool projected, CashPosition? cash = null) => new()
    {
        From = from, To = to, Days = to.DayNumber - from.DayNumber + 1, ContractId = Current, Funding = DayFunding.Active, Cash = cash, Gap = gap, Projected = projected,
    };

    public static DashboardView Dashboard() => new()
    {
        PurchasingUnitId = Unit, Today = Today, GapDays = 17, ProgramYears = 2,
        Programs =
        [
            new ProgramGapsView
            {
                ProgramId = Program, Name = "长者居家社工服务", ActiveFrom = new(2025, 1, 1), GapDays = 17,
                Years = [new ProgramYearGaps { Year = 2025, Days = 365, GapDays = 7 }, new ProgramYearGaps { Year = 2026, Days = 339, GapDays = 10 }],
            },
        ],
        AtRisk =
        [
            new AtRiskView
            {
                ProgramId = Program, ContractId = Current, PurchasingUnitId = Unit, End = new(2026, 12, 31), ExpectedSigning = new(2027, 2, 14), DaysLate = 45,
                Basis = "NotStarted", RaisedAt = new DateTimeOffset(2026, 10, 2, 1, 0, 0, TimeSpan.Zero),
            },
        ],
        BridgesInForce = [],
        LateInstalments =
        [
            new LateInstalmentView { InstalmentId = Guid.NewGuid(), ContractId = Current, ProgramId = Program, PurchasingUnitId = Unit, Amount = 480_000m, DueOn = new(2026, 7, 1), PayBy = new(2026, 7, 31), Status = "Approved" },
        ],
        OpenGaps = [],
        PendingDecisions =
        [
            new PendingDecisionView
            {
                ProgramId = Program, ContractId = Current, PurchasingUnitId = Unit, AgencyName = "阳光社工", End = new(2026, 12, 31), RenewalPoint = new(2026, 9, 4),
                RenewalDueRaisedAt = new DateTimeOffset(2026, 9, 4, 2, 0, 0, TimeSpan.Zero), ProposedPath = RenewalPath.DirectRenewal,
            },
        ],
        PendingBridges =
        [
            new PendingBridgeView
            {
                ProgramId = Program, ContractId = Current, PurchasingUnitId = Unit, AgencyName = "阳光社工", End = new(2026, 12, 31), Months = 2, Amount = 200_000m,
                ExtensionStart = new(2027, 1, 1), ExtensionEnd = new(2027, 2, 28), ProposedAt = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
            },
        ],
    };

    public static RenewalView Renewal(RenewalDecisionView? decision = null) => new()
    {
        ContractId = Current, ProgramId = Program, PurchasingUnitId = Unit, State = ContractState.Expiring, End = new(2026, 12, 31),
        LeadTimeDays = 118, Basis = "history", ProcurementMethod = "PublicTender", HistoryCount = 6, Percentile = 90, PercentileDays = 88, MarginDays = 30,
        DefaultLeadTimeDays = 90, RenewalPoint = new(2026, 9, 4), NoBridgeMarginDays = 0,
        Proposal = new ProposalView
        {
            Path = RenewalPath.DirectRenewal, LatestGrade = "Good", MinimumGrade = "Good", ConsecutiveSince = new(2025, 1, 1), ConsecutiveMonths = 24m, CapMonths = 36, Obstacles = [],
        },
        Decision = decision,
    };

    public static BridgeProposalView Bridge(BridgeProposalStatus status = BridgeProposalStatus.Proposed) => new()
    {
        ContractId = Current, ProgramId = Program, PurchasingUnitId = Unit, End = new(2026, 12, 31), Months = 2, MonthlyRate = 100_000m, Amount = 200_000m,
        ExtensionStart = new(2027, 1, 1), ExtensionEnd = new(2027, 2, 28), ExpectedSuccessorStart = new(2027, 2, 15), CoversExpectedGap = true,
        Status = status, ProposedAt = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
    };
}
