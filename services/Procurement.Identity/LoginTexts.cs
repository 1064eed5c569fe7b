using Microsoft.Extensions.Localization;

// The resources live in Resources/ whatever ResourcesPath the host's modules configure.
[assembly: ResourceLocation("Resources")]

namespace Procurement.Identity;

/// <summary>
/// The texts of Identity's pages (the login page, its errors, the second-factor and enrolment steps, the signed-in page): <c>Resources/LoginTexts.resx</c>
/// is Chinese (zh-CN, the default), <c>Resources/LoginTexts.en.resx</c> English, with the same keys.
/// </summary>
public sealed class LoginTexts
{
    public const string PlatformName = nameof(PlatformName);
    public const string PlatformTagline = nameof(PlatformTagline);
    public const string SignInTitle = nameof(SignInTitle);
    public const string SignInHint = nameof(SignInHint);
    public const string UserName = nameof(UserName);
    public const string Password = nameof(Password);
    public const string SignInButton = nameof(SignInButton);
    public const string WrongPassword = nameof(WrongPassword);
    public const string FormExpired = nameof(FormExpired);
    public const string SignedInTitle = nameof(SignedInTitle);
    public const string SignedInAs = nameof(SignedInAs);
    public const string GoHome = nameof(GoHome);
    public const string Language = nameof(Language);
    public const string Chinese = nameof(Chinese);
    public const string English = nameof(English);
    public const string Footer = nameof(Footer);
    public const string TwoFactorTitle = nameof(TwoFactorTitle);
    public const string TwoFactorHint = nameof(TwoFactorHint);
    public const string Code = nameof(Code);
    public const string VerifyButton = nameof(VerifyButton);
    public const string WrongCode = nameof(WrongCode);
    public const string TwoFactorExpired = nameof(TwoFactorExpired);
    public const string EnrolTitle = nameof(EnrolTitle);
    public const string EnrolHint = nameof(EnrolHint);
    public const string AuthenticatorKey = nameof(AuthenticatorKey);
    public const string AuthenticatorLink = nameof(AuthenticatorLink);
    public const string AuthenticatorQrCode = nameof(AuthenticatorQrCode);
    public const string EnrolButton = nameof(EnrolButton);
    public const string RecoveryCodesTitle = nameof(RecoveryCodesTitle);
    public const string RecoveryCodesHint = nameof(RecoveryCodesHint);
    public const string Continue = nameof(Continue);
}
