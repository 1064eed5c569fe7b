using System.Security.Cryptography;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// One tender and one agency with four workers, and a draft that meets every rule with little to spare:
/// price 480,000.00 under a ceiling of 500,000.00; personnel 300,000.00 (62.5%, minimum 60%); three
/// certified workers, two at intermediate or above, one supervisor — exactly what the tender asks.
/// </summary>
internal sealed class BidScenario
{
    public static readonly DateTimeOffset Deadline = new(2026, 12, 20, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Before = Deadline.AddDays(-3);
    public static readonly DateOnly Today = new(2026, 12, 17);

    public const string Proposal = "Our home-visit rota pairs every isolated elder with a named worker and a neighbourhood volunteer.";

    /// <param name="suiteId">The deployment's <c>Crypto:Suite</c>: the tender's data key is made for it.</param>
    /// <param name="masterKey">The sealing master key (<c>sealing-2026</c>); a random one unless another scenario's is shared.</param>
    public BidScenario(string suiteId = NistSuite.SuiteId, byte[]? masterKey = null)
    {
        Tender = OpenTender.Published(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Elderly care in Futian 2027", 500_000.00m,
            Deadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), Before.AddDays(-20));
        Wang = Worker("Wang Fang", "5670", CertificateLevel.Intermediate, supervisor: true);
        Li = Worker("Li Na", "1234", CertificateLevel.Assistant);
        Zhang = Worker("Zhang Wei", "888X", CertificateLevel.Senior);
        Chen = Worker("Chen Jie", "4321", CertificateLevel.None);
        MasterKey = masterKey ?? RandomNumberGenerator.GetBytes(32);
        Sealer = new BidSealer(new CryptoSuites(suiteId), "sealing-2026", MasterKey);
        DataKey = Sealer.CreateDataKey(Tender.TenderId, Before.AddDays(-20));
    }

    public Guid AgencyId { get; } = Guid.CreateVersion7();

    public OpenTender Tender { get; }

    public SocialWorker Wang { get; }

    public SocialWorker Li { get; }

    public SocialWorker Zhang { get; }

    public SocialWorker Chen { get; }

    public IReadOnlyList<SocialWorker> Roster => [Wang, Li, Zhang, Chen];

    public byte[] MasterKey { get; }

    public BidSealer Sealer { get; }

    public TenderDataKey DataKey { get; }

    public static RequiredStaffing Staffing { get; } = new(Certified: 3, IntermediateOrAbove: 2, Supervisors: 1);

    public static PersonnelFirst PersonnelFirst { get; } = new(0.60m, new Dictionary<CertificateLevel, decimal>
    {
        [CertificateLevel.Assistant] = 5_000.00m,
        [CertificateLevel.Intermediate] = 6_500.00m,
        [CertificateLevel.Senior] = 8_000.00m,
    });

    public BidTerms Terms => new(Tender, Staffing, PersonnelFirst);

    public BidDraft Draft(decimal price = 480_000.00m, CostBreakdown? costs = null, IReadOnlyList<StaffingLine>? staffing = null, string? explanation = null) =>
        new(price, costs ?? new CostBreakdown(300_000.00m, 120_000.00m, 40_000.00m, 20_000.00m), staffing ?? Plan(), Proposal, explanation);

    /// <summary>Wang full time at 8,000, Li full time at 6,000, Zhang half time at 5,000 (floor 4,000 at 0.5).</summary>
    public IReadOnlyList<StaffingLine> Plan(decimal wangFte = 1.0m, decimal liPay = 6_000.00m, decimal zhangPay = 5_000.00m) =>
    [
        new(Wang.Id, wangFte, 8_000.00m),
        new(Li.Id, 1.0m, liPay),
        new(Zhang.Id, 0.5m, zhangPay),
    ];

    public ValidatedBid Validate(BidDraft? draft = null, FteCommitments? commitments = null, Guid? revisedBidId = null) =>
        BidRules.Validate(draft ?? Draft(), Terms, AgencyId, Roster, commitments ?? FteCommitments.None, revisedBidId);

    public Bid Submit(BidDraft? draft = null, DateTimeOffset? now = null) =>
        Bid.Submit(Tender, Validate(draft), Sealer, DataKey, now ?? Before);

    public UnsealRequest OwnerRead => new("agency-user-1", AgencyId, UnsealPurpose.OwnerRead, "Reviewing our bid before revising it");

    public static UnsealRequest Opening => new("system:opening", null, UnsealPurpose.Opening, "Opening at the deadline");

    public SocialWorker Worker(string name, string lastFour, CertificateLevel level, bool supervisor = false, Guid? agencyId = null) =>
        SocialWorker.Enrol(
            agencyId ?? AgencyId, name, new ProtectedIdNumber(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), lastFour),
            level == CertificateLevel.None ? Certificate.None : Certificate.Of(level, $"S{lastFour}"), supervisor, [], Today, Before.AddDays(-30));
}
