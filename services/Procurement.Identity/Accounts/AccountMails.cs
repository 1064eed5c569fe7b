using System.Globalization;
using Procurement.ServiceDefaults.Mail;

namespace Procurement.Identity.Accounts;

/// <summary>
/// The mails Identity sends about an account: an invitation, a password reset link, a lockout notice. The recipient's
/// language is not known before they sign in, so each mail is bilingual — Chinese first, then English, in one body —
/// and every time in it is Beijing time (Asia/Shanghai), the platform's time zone. The helpers at the top
/// (<see cref="Bilingual"/>, <see cref="BeijingTime"/>) serve any account mail.
/// </summary>
public static class AccountMails
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>中国标准时间 (UTC+8, no daylight saving).</summary>
    public static TimeZoneInfo Beijing { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary><paramref name="at"/> in Beijing time, e.g. <c>2026-12-08 15:48</c>.</summary>
    public static string BeijingTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>One mail in both languages: the subjects joined, the Chinese body, a rule, the English body.</summary>
    public static MailToSend Bilingual(string to, string subjectZh, string subjectEn, string bodyZh, string bodyEn) =>
        new(to, $"{subjectZh} / {subjectEn}", $"{bodyZh.TrimEnd()}\n\n---- English ----\n\n{bodyEn.TrimEnd()}\n", Chinese);

    /// <summary>An invitation: who invited the person into which organisation, the link to set a password, and when it expires.</summary>
    public static MailToSend Invitation(string to, string displayName, string inviter, string organisation, Uri link, DateTimeOffset expiresAt) =>
        Bilingual(to,
            $"邀请您加入{organisation}（政府采购平台）",
            $"You are invited to join {organisation} on the procurement platform",
            $"""
            {displayName}，您好：

            {inviter} 邀请您以{organisation}成员的身份使用政府采购平台。
            请打开以下链接设置密码，接受邀请：

            {link.AbsoluteUri}

            该链接只能使用一次，有效期至 {BeijingTime(expiresAt)}（北京时间）。如您并未期待此邀请，请忽略本邮件。
            """,
            $"""
            Dear {displayName},

            {inviter} invited you to use the procurement platform as a member of {organisation}.
            Open this link to set your password and accept the invitation:

            {link.AbsoluteUri}

            The link works once, until {BeijingTime(expiresAt)} Beijing time (UTC+8). If you did not expect this invitation, ignore this mail.
            """);

    /// <summary>A link to choose a new password, and when it expires.</summary>
    public static MailToSend PasswordReset(string to, string displayName, string userName, Uri link, DateTimeOffset expiresAt) =>
        Bilingual(to,
            "重置您的政府采购平台密码",
            "Reset your procurement platform password",
            $"""
            {displayName}，您好：

            有人为用户名 {userName} 申请了重置密码。请打开以下链接设置新密码：

            {link.AbsoluteUri}

            该链接只能使用一次，有效期至 {BeijingTime(expiresAt)}（北京时间）。设置新密码后，所有已登录的会话都将结束。
            如果不是您本人申请，请忽略本邮件，您的密码不会改变。
            """,
            $"""
            Dear {displayName},

            Someone asked to reset the password of the user name {userName}. Open this link to choose a new password:

            {link.AbsoluteUri}

            The link works once, until {BeijingTime(expiresAt)} Beijing time (UTC+8). Setting a new password ends every session signed in.
            If you did not ask for it, ignore this mail: your password stays as it is.
            """);

    /// <summary>The user name was locked after too many failed sign-ins: until when, and where to reset the password.</summary>
    public static MailToSend LockedOut(string to, string displayName, string userName, DateTimeOffset until, Uri forgotPassword) =>
        Bilingual(to,
            "您的政府采购平台账号已被暂时锁定",
            "Your procurement platform account is locked for now",
            $"""
            {displayName}，您好：

            用户名 {userName} 的登录失败次数过多，已被暂时锁定，至 {BeijingTime(until)}（北京时间）解除，届时可再次登录。
            如果您忘记了密码，可在此重置：

            {forgotPassword.AbsoluteUri}

            如果这些登录不是您本人所为，说明有人在尝试您的账号；请在解锁后修改密码，或联系本单位管理员。
            """,
            $"""
            Dear {displayName},

            The user name {userName} is locked after too many failed sign-ins, until {BeijingTime(until)} Beijing time (UTC+8); you may sign in again then.
            If you forgot your password, reset it here:

            {forgotPassword.AbsoluteUri}

            If those sign-ins were not yours, someone is trying your account: change your password once it is unlocked, or tell your organisation's administrator.
            """);
}
