namespace Procurement.Identity;

/// <summary>
/// The texts of the account pages a one-time link opens (set a password): <c>Resources/AccountTexts.resx</c> is
/// Chinese (zh-CN, the default), <c>Resources/AccountTexts.en.resx</c> English, with the same keys. The frame of the
/// page (platform name, language switch, footer) comes from <see cref="LoginTexts"/>.
/// </summary>
public sealed class AccountTexts
{
    public const string SetPasswordTitle = nameof(SetPasswordTitle);
    public const string SetPasswordHint = nameof(SetPasswordHint);
    public const string NewPassword = nameof(NewPassword);
    public const string ConfirmPassword = nameof(ConfirmPassword);
    public const string SetPasswordButton = nameof(SetPasswordButton);
    public const string PasswordRequired = nameof(PasswordRequired);
    public const string PasswordsDiffer = nameof(PasswordsDiffer);
    public const string PasswordSetTitle = nameof(PasswordSetTitle);
    public const string PasswordSet = nameof(PasswordSet);
    public const string LinkInvalidTitle = nameof(LinkInvalidTitle);
    public const string LinkInvalid = nameof(LinkInvalid);

    // Agencies that register themselves (/account/register, /account/confirm-email).
    public const string RegisterTitle = nameof(RegisterTitle);
    public const string RegisterHint = nameof(RegisterHint);
    public const string RegisterLink = nameof(RegisterLink);
    public const string PublicAnnouncementsLink = nameof(PublicAnnouncementsLink);
    public const string RegisterButton = nameof(RegisterButton);
    public const string RegisteredTitle = nameof(RegisteredTitle);
    public const string Registered = nameof(Registered);
    public const string EmailConfirmedTitle = nameof(EmailConfirmedTitle);
    public const string EmailConfirmed = nameof(EmailConfirmed);
    public const string AlreadyConfirmed = nameof(AlreadyConfirmed);
    public const string ConfirmFirstTitle = nameof(ConfirmFirstTitle);
    public const string ConfirmFirst = nameof(ConfirmFirst);
    public const string ResendLink = nameof(ResendLink);
    public const string ResendTitle = nameof(ResendTitle);
    public const string ResendHint = nameof(ResendHint);
    public const string ResendField = nameof(ResendField);
    public const string ResendButton = nameof(ResendButton);
    public const string ResendDone = nameof(ResendDone);

    /// <summary>Followed by a registration field's JSON name (e.g. <c>contactPhone</c>): its label on the registration page.</summary>
    public const string RegisterFieldPrefix = "Register_";

    /// <summary>Followed by an <c>IdentityError.Code</c> (e.g. <c>PasswordTooShort</c>): that failure's text.</summary>
    public const string PasswordErrorPrefix = "PasswordError_";
}
