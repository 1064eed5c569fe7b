using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using Procurement.Identity.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Identity.Security;

/// <summary>
/// The platform's password rules, applied by Identity's <c>UserManager</c> wherever a password is set (creation,
/// set-password and reset links, invitations): at least <see cref="MinimumLength"/> characters, not one of the
/// 10,000 most common passwords, and not containing the user name — each compared case-insensitively. No
/// composition rules (digits, capitals, symbols): NIST SP 800-63B advises against them, and length does more.
/// Each failure is an <see cref="IdentityError"/> whose code is a <see cref="ProblemMessages"/> code, with its
/// message in the current UI language (zh-CN or English), so an API can pass it on as a field error
/// (<c>FieldErrors.Add("password", error.Code, PasswordPolicy.MinimumLength)</c>).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<ProcurementUser>
{
    /// <summary>
    /// 12: OWASP ASVS 4.0 §2.1.1's minimum for a password chosen by a person. It keeps a passphrase easy
    /// (two or three words) while a 12-character password is out of reach of an offline guess against our
    /// PBKDF2 hashes; the roles that move money add a second factor on top.
    /// </summary>
    public const int MinimumLength = 12;

    /// <summary>A user name shorter than this ("li") is not looked for inside the password: it would forbid too much.</summary>
    public const int ShortestUserNameLookedFor = 3;

    public const string TooShort = "password_too_short";
    public const string Common = "password_common";
    public const string ContainsUserName = "password_contains_user_name";

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    static PasswordPolicy() => ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
    {
        [TooShort] = ("The password must have at least {1} characters.", "密码至少需要 {1} 个字符。"),
        [Common] = ("This password is among the most common ones and easy to guess: choose another.", "该密码属于最常用的密码，容易被猜中，请另选一个。"),
        [ContainsUserName] = ("The password must not contain the user name.", "密码不得包含用户名。"),
    });

    /// <summary>How many passwords the common list holds (10,000).</summary>
    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ProcurementUser> manager, ProcurementUser user, string? password)
    {
        var errors = Check(user.UserName, password ?? "");
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>The rules <paramref name="password"/> breaks for <paramref name="userName"/>; none when it is acceptable.</summary>
    public static IReadOnlyList<IdentityError> Check(string? userName, string password)
    {
        List<IdentityError> errors = [];
        if (password.Length < MinimumLength)
        {
            errors.Add(Error(TooShort, MinimumLength));
        }

        if (CommonPasswords.Value.Contains(password))
        {
            errors.Add(Error(Common));
        }

        var name = userName?.Trim();
        if (name is { Length: >= ShortestUserNameLookedFor } && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Error(ContainsUserName));
        }

        return errors;
    }

    // {0} is the field, as FieldErrors passes it, so an API can report the same code as a field error of "password".
    private static IdentityError Error(string code, params object?[] args) =>
        new() { Code = code, Description = ProblemMessages.Get(code, ["password", .. args]) };

    /// <summary>Resources/CommonPasswords.txt (zxcvbn's list, MIT: see CommonPasswords.LICENSE.txt), one a line.</summary>
    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Procurement.Identity.Resources.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
