using Microsoft.Extensions.Localization;

// The resources live in Resources/ whatever ResourcesPath the host's modules configure.
[assembly: ResourceLocation("Resources")]

namespace Procurement.Identity;

/// <summary>
/// The texts of Identity's pages (the login page, its errors, the signed-in page): <c>Resources/LoginTexts.resx</c>
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
}
