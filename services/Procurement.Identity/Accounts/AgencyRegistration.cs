using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Identity;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.Identity.Security;
using Procurement.Rules;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Identity.Accounts;

/// <summary>
/// What an agency types to register itself (the JSON API and the page <c>/account/register</c> alike). The page also asks
/// for the password twice; the API takes it once.
/// </summary>
public sealed record AgencyRegistrationRequest(
    string? Name,
    string? UnifiedSocialCreditCode,
    string? RegistrationAuthority,
    string? LegalRepresentative,
    DateOnly? RegistrationDate,
    string? Address,
    string? ContactName,
    string? ContactPhone,
    string? Email,
    string? UserName,
    string? Password);

/// <summary>The registration is recorded; a link to confirm the e-mail went to <paramref name="Email"/>, valid until <paramref name="ConfirmBy"/>.</summary>
public sealed record AgencyRegistrationAccepted(Guid OrganisationId, string Email, DateTimeOffset ConfirmBy);

/// <summary>
/// An agency registers itself with no approval gate (财库〔2019〕38号 forbids registration or admission steps ahead of a
/// procurement): a registration that passes these automatic checks is active once its contact confirms the e-mail.
/// One validator and one service serve the API and the page.
/// </summary>
/// <remarks>
/// Codes starting with 52 or 53 (民办非企业单位 / 基金会, registered with civil affairs) are accepted like any other: a social
/// work service agency (社会工作服务机构) is normally a 民办非企业单位, so its code starts with 52 — refusing them would
/// refuse the platform's main bidders — and companies (91…) may supply services too. Only the check characters decide.
/// </remarks>
public sealed class AgencyRegistration(
    IdentityDb db, UserManager<ProcurementUser> users, RoleManager<IdentityRole<Guid>> roles, OneTimeLinks links,
    IConfiguration configuration, TimeProvider clock, ILogger<AgencyRegistration> logger)
{
    public const int ContactNameMaxLength = ProcurementUser.DisplayNameMaxLength;
    public const int EmailMaxLength = 256;
    public const int UserNameMaxLength = 64;

    /// <summary>Where the contact confirms the e-mail.</summary>
    public const string ConfirmPath = "/account/confirm-email";

    /// <summary>The portal's users page, which opens the invitation form filled in from these parameters.</summary>
    public const string PortalUsersPath = "/users";

    /// <summary>Every field's rule, each bad field named; the password through the password validators (<see cref="PasswordPolicy"/>).</summary>
    public async Task<FieldErrors> ValidateAsync(AgencyRegistrationRequest request)
    {
        var errors = new FieldErrors()
            .Required("name", request.Name, Organisation.NameMaxLength);
        if (string.IsNullOrWhiteSpace(request.UnifiedSocialCreditCode))
        {
            errors.Add("unifiedSocialCreditCode", "required");
        }
        else
        {
            AddCreditCodeFinding(errors, request.UnifiedSocialCreditCode);
        }

        errors.Required("registrationAuthority", request.RegistrationAuthority, Organisation.RegistrationAuthorityMaxLength)
            .Required("legalRepresentative", request.LegalRepresentative, Organisation.LegalRepresentativeMaxLength);
        var today = ShanghaiDays.Date(clock.GetUtcNow());
        if (request.RegistrationDate is not { } registered)
        {
            errors.Add("registrationDate", "required");
        }
        else if (RegistrationDateRules.Check(registered, today) is { } future)
        {
            errors.Add(future.Field, future.Code, today);
        }

        errors.Required("address", request.Address, Organisation.AddressMaxLength)
            .Required("contactName", request.ContactName, ContactNameMaxLength);
        if (string.IsNullOrWhiteSpace(request.ContactPhone))
        {
            errors.Add("contactPhone", "required");
        }
        else if (!ContactRules.IsPhone(request.ContactPhone))
        {
            errors.Add("contactPhone", AgencyRegistrationCodes.PhoneShape);
        }

        errors.Required("email", request.Email, EmailMaxLength);
        if (!string.IsNullOrWhiteSpace(request.Email) && !ContactRules.IsEmail(request.Email))
        {
            errors.Add("email", AgencyRegistrationCodes.EmailShape);
        }

        errors.Required("userName", request.UserName, UserNameMaxLength);
        if (!string.IsNullOrWhiteSpace(request.UserName) && request.UserName.Trim().Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
        {
            errors.Add("userName", AgencyRegistrationCodes.UserNameCharacters);
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "required");
        }
        else
        {
            var candidate = new ProcurementUser { UserName = request.UserName?.Trim() };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, request.Password);
                foreach (var error in result.Errors)
                {
                    errors.Add("password", error.Code, PasswordPolicy.MinimumLength);
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Registers the agency: the organisation awaiting confirmation, its first user (<c>agency</c> and <c>org-admin</c>, the
    /// e-mail not confirmed), the audit row and a 72-hour link mailed to the contact — in one transaction. A registration
    /// still awaiting confirmation whose link has expired holds neither its code nor its user name nor its e-mail: it is
    /// deleted first. A code on record is refused (409) and that agency's administrators are told who tried, with a link
    /// to invite the person; a user name or e-mail on record is refused (409) naming the field.
    /// </summary>
    public async Task<AgencyRegistrationAccepted> RegisterAsync(AgencyRegistrationRequest request, CancellationToken cancellationToken)
    {
        RefuseInvalid((await ValidateAsync(request)).Errors);
        var code = CreditCodeRules.Normalise(request.UnifiedSocialCreditCode);
        var email = request.Email!.Trim();
        var userName = request.UserName!.Trim();
        var contactName = request.ContactName!.Trim();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await ReleaseStaleRegistrationsAsync(code, users.NormalizeName(userName), users.NormalizeEmail(email), cancellationToken);
            if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.UnifiedSocialCreditCode == code, cancellationToken) is { } existing)
            {
                await TellAdministratorsAsync(existing, contactName, email, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                throw new ConflictException(AgencyRegistrationCodes.AlreadyRegistered, code);
            }

            if (await users.FindByNameAsync(userName) is not null)
            {
                throw AgencyRegistrationCodes.Taken(AgencyRegistrationCodes.UserNameTaken, "userName", userName);
            }

            if (await db.Users.AnyAsync(u => u.NormalizedEmail == users.NormalizeEmail(email), cancellationToken))
            {
                throw AgencyRegistrationCodes.Taken(AgencyRegistrationCodes.EmailTaken, "email", email);
            }

            var now = clock.GetUtcNow();
            var organisation = Organisation.RegisterAgency(
                Guid.CreateVersion7(), request.Name!.Trim(), code, request.RegistrationAuthority!, request.LegalRepresentative!,
                request.RegistrationDate!.Value, request.Address!, now);
            db.Organisations.Add(organisation);
            var user = new ProcurementUser(Guid.CreateVersion7(), userName, contactName, organisation.Id)
            {
                Email = email,
                EmailConfirmed = false,
                PhoneNumber = request.ContactPhone!.Trim(),
            };
            db.OrganisationAudit.Add(new OrganisationAudit(
                Guid.CreateVersion7(), organisation.Id, OrganisationChange.Registered, null,
                $"{organisation.Name} ({code}), {contactName} <{email}>", user.Id.ToString(), userName, now) { UserId = user.Id });
            Check(await users.CreateAsync(user, request.Password!));
            await EnsureRolesAsync();
            Check(await users.AddToRolesAsync(user, [Roles.Agency, Roles.OrganisationAdmin]));
            var token = links.Issue(OneTimeLinkPurpose.ConfirmEmail, user.Id);
            db.EnqueueMail(ConfirmationMail(email, contactName, organisation.Name, token, now + OneTimeLinks.Lifetime));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new AgencyRegistrationAccepted(organisation.Id, email, now + OneTimeLinks.Lifetime);
        });
    }

    /// <summary>
    /// A request missing a field or with one of the wrong shape is a 400 naming every such field; one whose only fault is a
    /// business rule (a unified social credit code that breaks a rule of GB 32100-2015, a registration date after today) is a
    /// 422 on that field with the rule broken, as every other rule violation is (issue 16 item 5; the registration date's rule
    /// is Bidding's too, <see cref="RegistrationDateRules"/>). The page shows all of them at once, from <see cref="ValidateAsync"/>.
    /// </summary>
    private static void RefuseInvalid(IReadOnlyList<FieldError> errors)
    {
        var shape = errors.Where(e => !RuleCodes.Contains(e.Rule)).ToList();
        if (shape.Count > 0)
        {
            throw new RequestValidationException(shape);
        }

        if (errors.FirstOrDefault() is { } broken)
        {
            throw new RuleViolationException(
                broken.Rule, broken.Field, [.. broken.Args.Select(a => a is string text && text == broken.Field ? new FieldName(text) : a)]);
        }
    }

    /// <summary>
    /// The rule of GB 32100-2015 a credit code breaks (<see cref="CreditCodeRules"/>), added to <paramref name="errors"/> under
    /// <c>unifiedSocialCreditCode</c> with the values its text needs; nothing when it is a code.
    /// </summary>
    internal static void AddCreditCodeFinding(FieldErrors errors, string? text)
    {
        if (CreditCodeRules.Check(text) is not { } finding)
        {
            return;
        }

        var code = CreditCodeRules.Normalise(text);
        _ = finding switch
        {
            { Code: CreditCodeRules.WrongLength } => errors.Add(finding.Field, finding.Code, code.Length),
            { Code: CreditCodeRules.ForbiddenCharacter, Index: { } index } => errors.Add(finding.Field, finding.Code, code[index].ToString()),
            _ => errors.Add(finding.Field, finding.Code),
        };
    }

    /// <summary>The codes of the business rules (422) among the fields' refusals; every other one is of the request's shape (400).</summary>
    private static readonly HashSet<string> RuleCodes =
    [
        CreditCodeRules.WrongLength, CreditCodeRules.ForbiddenCharacter, CreditCodeRules.RegionNotDigits,
        CreditCodeRules.WrongCheckCharacter, CreditCodeRules.WrongOrganisationCode, RegistrationDateRules.InFuture,
    ];

    /// <summary>
    /// The link of the e-mail confirmation: the organisation becomes active, the user's e-mail confirmed, the audit row
    /// written and <see cref="AgencyRegistered"/> raised, with the link used up, in one transaction.
    /// </summary>
    public async Task<ConfirmationOutcome> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var link = await links.FindUsableAsync(token, OneTimeLinkPurpose.ConfirmEmail, cancellationToken);
        if (link is null)
        {
            return await WasConfirmedWithAsync(token, cancellationToken) ? ConfirmationOutcome.AlreadyConfirmed : ConfirmationOutcome.Invalid;
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == link.UserId, cancellationToken);
            var organisation = user is null ? null : await db.Organisations.FirstOrDefaultAsync(o => o.Id == user.OrganisationId, cancellationToken);
            if (user is null || organisation is null || !await links.TryUseAsync(link, cancellationToken))
            {
                return ConfirmationOutcome.Invalid;
            }

            var now = clock.GetUtcNow();
            user.EmailConfirmed = true;
            var confirmsRegistration = organisation.AwaitingConfirmationSince is not null;
            if (confirmsRegistration)
            {
                organisation.ConfirmRegistration(user.DisplayName, user.PhoneNumber ?? "", user.Email ?? "", now);
                db.OrganisationAudit.Add(new OrganisationAudit(
                    Guid.CreateVersion7(), organisation.Id, OrganisationChange.RegistrationConfirmed, "awaiting confirmation", "active",
                    user.Id.ToString(), user.UserName ?? user.Id.ToString(), now) { UserId = user.Id });
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ConfirmationOutcome.Confirmed;
        });
    }

    /// <summary>
    /// A new confirmation link for a registration still awaiting it, found by user name or e-mail; the caller is answered
    /// the same whether or not one was found (nothing tells which names or addresses exist).
    /// </summary>
    public async Task ResendAsync(string? userNameOrEmail, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userNameOrEmail) || userNameOrEmail.Length > EmailMaxLength)
        {
            return;
        }

        var typed = userNameOrEmail.Trim();
        var user = await users.FindByNameAsync(typed) ?? await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == users.NormalizeEmail(typed), cancellationToken);
        var organisation = user is null || user.EmailConfirmed || user.Email is null
            ? null
            : await db.Organisations.FirstOrDefaultAsync(o => o.Id == user.OrganisationId && o.AwaitingConfirmationSince != null, cancellationToken);
        if (user is null || organisation is null)
        {
            logger.LogInformation("A confirmation link was asked again for a name or address without a registration awaiting it");
            return;
        }

        var token = links.Issue(OneTimeLinkPurpose.ConfirmEmail, user.Id);
        db.EnqueueMail(ConfirmationMail(user.Email!, user.DisplayName, organisation.Name, token, clock.GetUtcNow() + OneTimeLinks.Lifetime));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the user must confirm the e-mail of the agency's registration before signing in.</summary>
    public static async Task<bool> AwaitsConfirmationAsync(IdentityDb db, ProcurementUser user, CancellationToken cancellationToken) =>
        !user.EmailConfirmed && await db.Organisations.AnyAsync(o => o.Id == user.OrganisationId && o.AwaitingConfirmationSince != null, cancellationToken);

    private async Task<bool> WasConfirmedWithAsync(string? token, CancellationToken cancellationToken)
    {
        if (token is not { Length: > 0 and <= 128 })
        {
            return false;
        }

        var hash = OneTimeLinks.Hash(token);
        var used = await db.OneTimeLinks.AsNoTracking()
            .FirstOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == OneTimeLinkPurpose.ConfirmEmail && l.UsedAt != null, cancellationToken);
        return used is not null && await db.Users.AnyAsync(u => u.Id == used.UserId && u.EmailConfirmed, cancellationToken);
    }

    /// <summary>Registrations awaiting confirmation, colliding on the code, user name or e-mail, whose every link has expired: deleted with their users and links.</summary>
    private async Task ReleaseStaleRegistrationsAsync(string code, string? normalisedUserName, string? normalisedEmail, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var colliding = await db.Organisations
            .Where(o => o.AwaitingConfirmationSince != null)
            .Where(o => o.UnifiedSocialCreditCode == code
                || db.Users.Any(u => u.OrganisationId == o.Id && (u.NormalizedUserName == normalisedUserName || u.NormalizedEmail == normalisedEmail)))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in colliding)
        {
            var userIds = await db.Users.Where(u => u.OrganisationId == id).Select(u => u.Id).ToListAsync(cancellationToken);
            if (await db.OneTimeLinks.AnyAsync(l => userIds.Contains(l.UserId) && l.UsedAt == null && l.ExpiresAt > now, cancellationToken))
            {
                continue;
            }

            await db.OneTimeLinks.Where(l => userIds.Contains(l.UserId)).ExecuteDeleteAsync(cancellationToken);
            await db.UserRoles.Where(r => userIds.Contains(r.UserId)).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => userIds.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
            await db.OrganisationAudit.Where(a => a.OrganisationId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Organisations.Where(o => o.Id == id).ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("A registration never confirmed ({OrganisationId}) was released for a new one", id);
        }
    }

    /// <summary>Mails the agency's administrators who tried to register it again, with a portal link that opens the invitation form filled in.</summary>
    private async Task TellAdministratorsAsync(Organisation existing, string name, string email, CancellationToken cancellationToken)
    {
        var admins = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.OrganisationId == existing.Id && role.Name == Roles.OrganisationAdmin && user.DeactivatedAt == null && user.Email != null
            select user.Email).Distinct().ToListAsync(cancellationToken);
        if (admins.Count == 0)
        {
            logger.LogWarning("Organisation {OrganisationId} was registered again but has no administrator with an e-mail to tell", existing.Id);
            return;
        }

        var invite = new Uri(new Uri(PublicBaseUrl.Of(configuration).AbsoluteUri.TrimEnd('/') + "/"),
            PortalUsersPath.TrimStart('/') + (QueryString.Create("inviteEmail", email) + QueryString.Create("inviteName", name)).ToUriComponent());
        var body = string.Join("\n", [
            $"{existing.Name} 的管理员您好：",
            "",
            $"{name}（{email}）刚才尝试以贵机构的统一社会信用代码 {existing.UnifiedSocialCreditCode} 注册新机构。一个统一社会信用代码只能对应一个机构，因此该注册未被接受。",
            $"如此人属于贵机构，可通过以下链接邀请其加入：{invite}",
            "如您不认识此人，可忽略本邮件。",
            "",
            "——",
            "",
            $"Dear administrator of {existing.Name},",
            "",
            $"{name} ({email}) just tried to register a new agency with your agency's unified social credit code {existing.UnifiedSocialCreditCode}. One code belongs to one agency, so that registration was refused.",
            $"If the person belongs to your agency, invite them here: {invite}",
            "If you do not know the person, ignore this mail.",
        ]);
        foreach (var admin in admins)
        {
            db.EnqueueMail(new MailToSend(admin!, $"有人尝试重复注册贵机构 / Someone tried to register {existing.Name} again", body, Bilingual));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private MailToSend ConfirmationMail(string email, string name, string organisation, string token, DateTimeOffset confirmBy)
    {
        var link = OneTimeLinks.Address(PublicBaseUrl.Of(configuration), ConfirmPath, token);
        var until = ShanghaiDays.Show(confirmBy);
        var body = string.Join("\n", [
            $"{name}，您好：",
            "",
            $"感谢为 {organisation} 在政府采购服务平台注册。请在 {until}（北京时间）前打开以下链接确认您的电子邮箱，确认后机构即可参与投标：",
            link.AbsoluteUri,
            "如非您本人操作，请忽略本邮件。",
            "",
            "——",
            "",
            $"Dear {name},",
            "",
            $"Thank you for registering {organisation} on the procurement platform. Open this link before {until} (Beijing time) to confirm your e-mail; the agency may bid once it is confirmed:",
            link.AbsoluteUri,
            "If you did not register, ignore this mail.",
        ]);
        return new MailToSend(email, "请确认您的电子邮箱 / Confirm your e-mail", body, Bilingual);
    }

    /// <summary>The recipient's language is not known: Chinese first, then English, in one body.</summary>
    private static readonly CultureInfo Bilingual = CultureInfo.GetCultureInfo("zh-CN");

    private async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { Roles.Agency, Roles.OrganisationAdmin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // A name taken meanwhile (a registration racing this one) is the same refusal as one found before.
            if (result.Errors.Any(e => e.Code is "DuplicateUserName"))
            {
                throw AgencyRegistrationCodes.Taken(AgencyRegistrationCodes.UserNameTaken, "userName", "");
            }

            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}

/// <summary>What a confirmation link did.</summary>
public enum ConfirmationOutcome
{
    Confirmed,

    /// <summary>The link was used before and its e-mail is confirmed: a second click.</summary>
    AlreadyConfirmed,

    /// <summary>Unknown, expired, or used without a confirmed e-mail: one answer for all.</summary>
    Invalid,
}

/// <summary>The stable codes of the registration's refusals and their texts (zh-CN and English); the field labels it adds.</summary>
public static class AgencyRegistrationCodes
{
    public const string AlreadyRegistered = "agency_already_registered";
    public const string UserNameTaken = "user_name_taken";
    public const string EmailTaken = "email_taken";
    public const string PhoneShape = "phone_shape";
    public const string EmailShape = "email_shape";
    public const string UserNameCharacters = "user_name_characters";

    /// <summary>A 409 naming the field (<c>field</c> in the problem) whose value is on record.</summary>
    public static ConflictException Taken(string code, string field, string value) =>
        new(code, new FieldName(field), value) { Extensions = { ["field"] = field } };

    public static void Register()
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
        {
            [AlreadyRegistered] = ("An agency with the unified social credit code {0} is registered already. Its administrators were told of your attempt by e-mail and can invite you to it.",
                "统一社会信用代码为 {0} 的机构已注册。我们已通过电子邮件告知该机构的管理员，其可邀请您加入该机构。"),
            [UserNameTaken] = ("{0} {1} is taken; choose another.", "{0}“{1}”已被使用，请另选一个。"),
            [EmailTaken] = ("{0} {1} belongs to another account already; sign in with it, or ask its agency's administrator to invite you.",
                "{0}“{1}”已属于另一个账户；请用该账户登录，或请其机构管理员邀请您。"),
            [PhoneShape] = ("{0} must be a mainland mobile number (11 digits, 13x–19x) or a landline with its area code (e.g. 0755-12345678).",
                "{0}须为大陆手机号（11 位，13x–19x）或带区号的固定电话（如 0755-12345678）。"),
            [EmailShape] = ("{0} must be an e-mail address (name@domain).", "{0}须为电子邮箱地址（name@domain）。"),
            [UserNameCharacters] = ("{0} may hold only letters, digits and - . _ @ +.", "{0}只能包含字母、数字及 - . _ @ +。"),
        });
        FieldLabels.Add(new Dictionary<string, (string En, string Zh)>
        {
            ["contactName"] = ("contact name", "联系人姓名"),
            ["contactPhone"] = ("contact phone", "联系电话"),
            ["userName"] = ("user name", "用户名"),
            ["password"] = ("password", "密码"),
        });
    }
}
