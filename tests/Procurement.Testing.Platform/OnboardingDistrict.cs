using System.Net;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Testing.Platform;

/// <summary>A person who set a password from a mailed (or printed) link and signed in: the tokens and the authenticator key, if one was set up.</summary>
public sealed record Person(string UserName, string Password, Guid UserId, Guid OrganisationId, SignedIn SignIn)
{
    public string AccessToken => SignIn.Tokens.AccessToken ?? throw new InvalidOperationException($"{UserName} has no token: {SignIn.Tokens.ErrorDescription}");
}

/// <summary>An agency that registered itself and confirmed its contact's e-mail, signed in, with the roster a bid needs.</summary>
public sealed record RegisteredAgency(string Name, string CreditCode, Guid OrganisationId, Person Contact, IReadOnlyList<Guid> Roster);

/// <summary>
/// A district's onboarding on <see cref="ProductionPlatform"/>, step by step as its people take them; each step is taken
/// once for all the tests that share the fixture and remembered (they run one after another).
/// </summary>
public class OnboardingDistrict : ProductionPlatform
{
    /// <summary>On the test server.</summary>
    public OnboardingDistrict()
    {
    }

    /// <param name="kestrel">On loopback Kestrel rather than the test server.</param>
    protected OnboardingDistrict(bool kestrel)
        : base(kestrel)
    {
    }

    public const string AdministratorPassword = "Harbour-Lantern-Quietly-42";
    public const string PurchaserEmail = "chen.jing@futian.example";

    private readonly Dictionary<string, Task<Guid>> _organisations = new(StringComparer.Ordinal);
    private Task<Person>? _administrator;
    private Task<Person>? _purchaser;
    private Task<Guid>? _tender;

    public const string TenderTitle = "福田区长者社会工作服务项目";

    /// <summary>The tender's budget ceiling.</summary>
    public const decimal BudgetCeiling = 480_000.00m;

    /// <summary>What <c>admin create</c> printed.</summary>
    public (int ExitCode, string Output, string Error) AdminCreated { get; private set; }

    /// <summary>The mail that invited the first purchaser.</summary>
    public MimeKit.MimeMessage? Invitation { get; private set; }

    /// <summary><c>admin create</c> at the command line, the printed link, a password, the authenticator app: the platform administrator.</summary>
    public Task<Person> AdministratorAsync() => _administrator ??= CreateAdministratorAsync();

    /// <summary>The administrator's purchasing unit 福田区民政局 (440304).</summary>
    public Task<Guid> PurchasingUnitAsync() => PurchasingUnitAsync("福田区民政局", "深圳市福田区", "440304");

    /// <summary>A purchasing unit the administrator created (once per name): its id.</summary>
    public Task<Guid> PurchasingUnitAsync(string name, string region, string divisionCode)
    {
        if (!_organisations.TryGetValue(name, out var created))
        {
            _organisations[name] = created = CreateOrganisationAsync(name, "PurchasingUnit", region, divisionCode);
        }

        return created;
    }

    /// <summary>The purchasing unit's first purchaser, invited by mail, who followed the link, set a password and an authenticator app.</summary>
    public Task<Person> PurchaserAsync() => _purchaser ??= InviteAsync(PurchaserEmail, "陈静", "chenjing", Roles.Purchaser, invitation => Invitation = invitation);

    /// <summary>A tender the first purchaser published (bids due in 25 days, past the 20-day minimum at any hour): its id.</summary>
    public Task<Guid> TenderAsync() => _tender ??= PublishTenderAsync();

    /// <summary>
    /// The administrator invites a person into <paramref name="organisationId"/> (the purchasing unit when null) by mail;
    /// the person follows the mailed link, sets a password and signs in.
    /// </summary>
    public async Task<Person> InviteAsync(
        string email, string displayName, string userName, string role, Action<MimeKit.MimeMessage>? received = null, Guid? organisationId = null)
    {
        using var admin = await ClientAsync((await AdministratorAsync()).AccessToken);
        var unit = organisationId ?? await PurchasingUnitAsync();
        var user = await admin.InvitedAsync(new NewInvitation(unit, email, displayName, userName, [role]));
        var mail = await Mail.WaitForMailToAsync(email);
        received?.Invoke(mail);
        var password = "Quiet-Harbour-Lantern-2026";
        return await JoinAsync(PortalSignIn.SetPasswordLinkIn(TestSmtpServer.TextOf(mail)), userName, password, user.Id, unit);
    }

    /// <summary>
    /// An agency registers itself (anonymous), opens the confirmation link mailed to its contact and signs in with the
    /// password alone; the registration's answer and the confirmation mail are handed to <paramref name="seen"/>.
    /// </summary>
    public async Task<Person> RegisterAgencyAsync(AgencyRegistrationBody registration, Action<ApiAnswer, MimeKit.MimeMessage, HttpResponseMessage>? seen = null)
    {
        ArgumentNullException.ThrowIfNull(registration);
        using var anyone = await ClientAsync(accessToken: null);
        var accepted = (await anyone.RegisterAgencyAsync(registration)).Expect(HttpStatusCode.Accepted, $"registering {registration.Name}");
        var organisationId = accepted.Json<System.Text.Json.JsonElement>().GetProperty("organisationId").GetGuid();
        var mail = await Mail.WaitForMailToAsync(registration.Email);
        var link = TestSmtpServer.LinksIn(mail).First(l => l.AbsolutePath == "/account/confirm-email");
        var host = await StartAsync();
        using var browser = new Browser(host);
        using var confirmed = await browser.GetAsync(PortalSignIn.Local(link));
        seen?.Invoke(accepted, mail, confirmed);
        var signedIn = await PortalSignIn.SignInAsync(host, registration.UserName, registration.Password);
        var userId = Guid.Parse(signedIn.Tokens.Access.Subject);
        return new Person(registration.UserName, registration.Password, userId, organisationId, signedIn);
    }

    /// <summary>A Futian social-work agency's registration with <paramref name="creditCode"/>; its contact's e-mail is <c>{userName}@agency.example</c>.</summary>
    public static AgencyRegistrationBody Registration(string name, string creditCode, string userName) => new(
        name, creditCode, "深圳市福田区民政局", "李明", new DateOnly(2016, 3, 18), "深圳市福田区福中路1号",
        "王芳", "13800138000", $"{userName}@agency.example", userName, "Lantern-Orchard-Copper-7");

    /// <summary>Registers and confirms an agency, then adds the three certified workers the standard tender asks for.</summary>
    public async Task<RegisteredAgency> AgencyWithRosterAsync(string name, string creditCode, string userName)
    {
        var contact = await RegisterAgencyAsync(Registration(name, creditCode, userName));
        return new RegisteredAgency(name, creditCode, contact.OrganisationId, contact, await RosterAsync(contact));
    }

    /// <summary>The agency adds three certified workers (an intermediate supervisor, two assistants) once Bidding has its profile.</summary>
    public async Task<IReadOnlyList<Guid>> RosterAsync(Person contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var userName = contact.UserName;
        using var agency = await ClientAsync(contact.AccessToken);
        (await ProfileInBiddingAsync(agency)).Expect(HttpStatusCode.OK, "the agency's profile in Bidding");
        return
        [
            await agency.AddWorkerAsync(new WorkerBody($"张伟（{userName}）", TenderingApi.NewIdNumber(), "Intermediate", $"M-{userName}", IsSupervisor: true)),
            await agency.AddWorkerAsync(new WorkerBody($"周敏（{userName}）", TenderingApi.NewIdNumber(), "Assistant", $"A-{userName}", IsSupervisor: false)),
            await agency.AddWorkerAsync(new WorkerBody($"刘洋（{userName}）", TenderingApi.NewIdNumber(), "Assistant", $"B-{userName}", IsSupervisor: false)),
        ];
    }

    /// <summary>The signed-in agency's profile in Bidding (<c>GET /api/agencies/me</c>), once Bidding has learned of the registration (20 s at most).</summary>
    public static async Task<ApiAnswer> ProfileInBiddingAsync(HttpClient agency) =>
        await Poll.ForAsync(
            () => ApiAnswer.ReadAsync((agency ?? throw new ArgumentNullException(nameof(agency))).GetAsync(new Uri("/api/agencies/me", UriKind.Relative))),
            answer => answer.Status == HttpStatusCode.OK);

    /// <summary>A bid of ¥450,000.00 meeting every rule of the standard tender: personnel ¥300,000.00 (over the 60 % minimum).</summary>
    public static BidContentBody Bid(IReadOnlyList<Guid> roster) => new(
        450_000.00m,
        new CostsBody(300_000.00m, 110_000.00m, 30_000.00m, 10_000.00m),
        [new(roster[0], 1.0m, 8_000.00m), new(roster[1], 1.0m, 6_000.00m), new(roster[2], 0.5m, 3_000.00m)],
        "以社区为平台、社工为主导，为辖区长者提供个案、小组和社区活动服务，每季度评估一次。");

    private async Task<Person> CreateAdministratorAsync()
    {
        AdminCreated = await AdminAsync("create", "--username", "ops", "--email", "ops@district.example");
        if (AdminCreated.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin create refused ({AdminCreated.ExitCode}): {AdminCreated.Error}");
        }

        var admin = await JoinAsync(PortalSignIn.SetPasswordLinkIn(AdminCreated.Output), "ops", AdministratorPassword, Guid.Empty, Guid.Empty);
        var access = admin.SignIn.Tokens.Access;
        return admin with { UserId = Guid.Parse(access.Subject), OrganisationId = Guid.Parse(access.Value(ProcurementClaims.OrganisationId)!) };
    }

    /// <summary>Follows a set-password link, sets the password and signs in (setting up the authenticator app when asked).</summary>
    public async Task<Person> JoinAsync(Uri link, string userName, string password, Guid userId, Guid organisationId)
    {
        var host = await StartAsync();
        using (var browser = new Browser(host))
        {
            using var set = await PortalSignIn.SetPasswordAsync(browser, link, password);
            if (set.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Setting {userName}'s password answered {(int)set.StatusCode}: {await set.Content.ReadAsStringAsync()}");
            }
        }

        var signedIn = await PortalSignIn.SignInAsync(host, userName, password);
        return new Person(userName, password, userId, organisationId, signedIn);
    }

    private async Task<Guid> CreateOrganisationAsync(string name, string kind, string region, string divisionCode)
    {
        using var admin = await ClientAsync((await AdministratorAsync()).AccessToken);
        return await admin.CreateOrganisationAsync(name, kind, region, divisionCode);
    }

    private async Task<Guid> PublishTenderAsync()
    {
        using var purchaser = await ClientAsync((await PurchaserAsync()).AccessToken);
        var programId = await purchaser.CreateProgramAsync("福田区长者服务", "深圳市福田区");
        var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(25), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(2);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, TenderTitle, BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);
        return tenderId;
    }
}
