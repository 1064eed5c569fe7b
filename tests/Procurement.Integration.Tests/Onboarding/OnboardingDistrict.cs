using System.Net;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests.Onboarding;

/// <summary>A person who set a password from a mailed (or printed) link and signed in: the tokens and the authenticator key, if one was set up.</summary>
public sealed record Person(string UserName, string Password, Guid UserId, Guid OrganisationId, SignedIn SignIn)
{
    public string AccessToken => SignIn.Tokens.AccessToken ?? throw new InvalidOperationException($"{UserName} has no token: {SignIn.Tokens.ErrorDescription}");
}

/// <summary>
/// A district's onboarding on <see cref="ProductionPlatform"/>, step by step as its people take them; each step is taken
/// once for the whole class and remembered (the tests of a class run one after another).
/// </summary>
public sealed class OnboardingDistrict : ProductionPlatform
{
    public const string AdministratorPassword = "Harbour-Lantern-Quietly-42";
    public const string PurchaserEmail = "chen.jing@futian.example";

    private Task<Person>? _administrator;
    private Task<Guid>? _purchasingUnit;
    private Task<Person>? _purchaser;
    private Task<Guid>? _tender;

    /// <summary>The tender's budget ceiling.</summary>
    public const decimal BudgetCeiling = 480_000.00m;

    /// <summary>What <c>admin create</c> printed.</summary>
    public (int ExitCode, string Output, string Error) AdminCreated { get; private set; }

    /// <summary>The mail that invited the first purchaser.</summary>
    public MimeKit.MimeMessage? Invitation { get; private set; }

    /// <summary><c>admin create</c> at the command line, the printed link, a password, the authenticator app: the platform administrator.</summary>
    public Task<Person> AdministratorAsync() => _administrator ??= CreateAdministratorAsync();

    /// <summary>The administrator's purchasing unit 福田区民政局 (440304).</summary>
    public Task<Guid> PurchasingUnitAsync() => _purchasingUnit ??= CreatePurchasingUnitAsync();

    /// <summary>The purchasing unit's first purchaser, invited by mail, who followed the link, set a password and an authenticator app.</summary>
    public Task<Person> PurchaserAsync() => _purchaser ??= InviteAsync(PurchaserEmail, "陈静", "chenjing", Roles.Purchaser, invitation => Invitation = invitation);

    /// <summary>A tender the first purchaser published (bids due in 20 days): its id.</summary>
    public Task<Guid> TenderAsync() => _tender ??= PublishTenderAsync();

    /// <summary>Invites a person into the purchasing unit by mail; the person follows the mailed link, sets a password and signs in.</summary>
    public async Task<Person> InviteAsync(string email, string displayName, string userName, string role, Action<MimeKit.MimeMessage>? received = null)
    {
        using var admin = await ClientAsync((await AdministratorAsync()).AccessToken);
        var unit = await PurchasingUnitAsync();
        var user = await admin.InvitedAsync(new NewInvitation(unit, email, displayName, userName, [role]));
        var mail = await Mail.WaitForMailToAsync(email);
        received?.Invoke(mail);
        var password = $"Quiet-Harbour-{userName}-2026";
        return await JoinAsync(PortalSignIn.SetPasswordLinkIn(TestSmtpServer.TextOf(mail)), userName, password, user.Id, unit);
    }

    private async Task<Person> CreateAdministratorAsync()
    {
        AdminCreated = await AdminAsync("create", "--username", "ops", "--email", "ops@district.example");
        if (AdminCreated.ExitCode != 0)
        {
            throw new InvalidOperationException($"admin create refused ({AdminCreated.ExitCode}): {AdminCreated.Error}");
        }

        return await JoinAsync(PortalSignIn.SetPasswordLinkIn(AdminCreated.Output), "ops", AdministratorPassword, Guid.Empty, Guid.Empty);
    }

    /// <summary>Follows a set-password link, sets the password and signs in (setting up the authenticator app when asked).</summary>
    private async Task<Person> JoinAsync(Uri link, string userName, string password, Guid userId, Guid organisationId)
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

    private async Task<Guid> CreatePurchasingUnitAsync()
    {
        using var admin = await ClientAsync((await AdministratorAsync()).AccessToken);
        return await admin.CreateOrganisationAsync("福田区民政局", "PurchasingUnit", "深圳市福田区", "440304");
    }

    private async Task<Guid> PublishTenderAsync()
    {
        using var purchaser = await ClientAsync((await PurchaserAsync()).AccessToken);
        var programId = await purchaser.CreateProgramAsync("福田区长者服务", "深圳市福田区");
        var deadline = SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(20), new TimeOnly(17, 0));
        var serviceStart = new DateOnly(deadline.Year, deadline.Month, 1).AddMonths(2);
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId, "福田区长者社会工作服务项目", BudgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await purchaser.PublishTenderAsync(tenderId);
        return tenderId;
    }
}
