using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Domain;

/// <summary>A demo organisation, with its fixed id.</summary>
public sealed record DemoOrganisation(Guid Id, string Name, OrganisationKind Kind, string? UnifiedSocialCreditCode);

/// <summary>A demo login: who it is, what role it has and which organisation it belongs to.</summary>
public sealed record DemoUser(Guid Id, string UserName, string DisplayName, string Role, Guid OrganisationId, string OrganisationName);

/// <summary>
/// The demo district every Development host seeds: one of each party of DOMAIN.md §1, with fixed ids so
/// that tests, other services' demo data and the Standalone's console banner can name them.
/// Nothing here exists outside Development.
/// </summary>
public static class DemoDirectory
{
    /// <summary>Every demo user's password. It meets ASP.NET Core Identity's default rules.</summary>
    public const string Password = "Pass123$";

    public static readonly Guid CivilAffairsBureau = new("de000001-0000-4000-8000-000000000001");
    public static readonly Guid Agency1 = new("de000002-0000-4000-8000-000000000001");
    public static readonly Guid Agency2 = new("de000002-0000-4000-8000-000000000002");
    public static readonly Guid Agency3 = new("de000002-0000-4000-8000-000000000003");
    public static readonly Guid Expert1 = new("de000003-0000-4000-8000-000000000001");
    public static readonly Guid Expert2 = new("de000003-0000-4000-8000-000000000002");
    public static readonly Guid Expert3 = new("de000003-0000-4000-8000-000000000003");
    public static readonly Guid Expert4 = new("de000003-0000-4000-8000-000000000004");
    public static readonly Guid Expert5 = new("de000003-0000-4000-8000-000000000005");
    public static readonly Guid Expert6 = new("de000003-0000-4000-8000-000000000006");
    public static readonly Guid Expert7 = new("de000003-0000-4000-8000-000000000007");
    public static readonly Guid FinanceBureau = new("de000004-0000-4000-8000-000000000001");
    public static readonly Guid AuditOffice = new("de000005-0000-4000-8000-000000000001");
    public static readonly Guid PlatformOperator = new("de000006-0000-4000-8000-000000000001");

    /// <summary>The three agencies, in order: <c>agency1</c> belongs to the first.</summary>
    public static IReadOnlyList<Guid> Agencies { get; } = [Agency1, Agency2, Agency3];

    /// <summary>The seven experts' own organisations, in order: <c>evaluator1</c> belongs to the first.</summary>
    public static IReadOnlyList<Guid> Experts { get; } = [Expert1, Expert2, Expert3, Expert4, Expert5, Expert6, Expert7];

    // The credit codes are fictitious but valid under GB 32100-2015 (and their organisation code under
    // GB 11714): 11 = a government organ, 52 = a civil-affairs-registered social service organisation;
    // 440305 is the demo district's division code.
    public static IReadOnlyList<DemoOrganisation> Organisations { get; } =
    [
        new(CivilAffairsBureau, "Civil Affairs Bureau, Demo District / 示范区民政局", OrganisationKind.PurchasingUnit, "11440305000000019U"),
        new(Agency1, "Sunshine Social Work Service Centre / 示范区阳光社会工作服务中心", OrganisationKind.Agency, "52440305MJL100017G"),
        new(Agency2, "Chunhui Social Work Service Agency / 示范区春晖社会工作服务社", OrganisationKind.Agency, "52440305MJL100025B"),
        new(Agency3, "Tongxin Social Work Development Centre / 示范区同心社会工作发展中心", OrganisationKind.Agency, "52440305MJL1000336"),
        .. Enumerable.Range(1, 7).Select(n => new DemoOrganisation(
            ExpertAt(n), $"Independent expert {n}, Demo District expert pool / 示范区评审专家库 独立专家{n}", OrganisationKind.EvaluationOrganisation, null)),
        new(FinanceBureau, "Finance Bureau, Demo District / 示范区财政局", OrganisationKind.FinanceDepartment, "11440305000000027N"),
        new(AuditOffice, "Audit and Supervision Office, Demo District / 示范区审计监督办公室", OrganisationKind.Oversight, "11440305000000035H"),
        new(PlatformOperator, "Procurement Platform Operations / 政府购买服务平台运营中心", OrganisationKind.PlatformOperator, null),
    ];

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        User(1, "purchaser", "Wang Fang / 王芳", Roles.Purchaser, CivilAffairsBureau),
        User(2, "agency1", "Li Na / 李娜", Roles.Agency, Agency1),
        User(3, "agency2", "Zhang Wei / 张伟", Roles.Agency, Agency2),
        User(4, "agency3", "Liu Yang / 刘洋", Roles.Agency, Agency3),
        .. Enumerable.Range(1, 7).Select(n => User(4 + n, $"evaluator{n}", $"Expert {n} / 评审专家{n}", Roles.Evaluator, ExpertAt(n))),
        User(12, "treasury", "Chen Jing / 陈静", Roles.Treasury, FinanceBureau),
        User(13, "auditor", "Zhao Lei / 赵磊", Roles.Auditor, AuditOffice),
        User(14, "admin", "Platform administrator / 平台管理员", Roles.Admin, PlatformOperator),
    ];

    public static DemoUser UserNamed(string userName) =>
        Users.FirstOrDefault(u => u.UserName == userName)
        ?? throw new ArgumentException($"There is no demo user '{userName}'.", nameof(userName));

    private static Guid ExpertAt(int n) => new($"de000003-0000-4000-8000-00000000000{n}");

    private static DemoUser User(int number, string userName, string displayName, string role, Guid organisationId) =>
        new(new Guid($"de100000-0000-4000-8000-{number:D12}"), userName, displayName, role, organisationId,
            Organisations.First(o => o.Id == organisationId).Name);
}
