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

    /// <summary>Followed by an <c>IdentityError.Code</c> (e.g. <c>PasswordTooShort</c>): that failure's text.</summary>
    public const string PasswordErrorPrefix = "PasswordError_";
}
