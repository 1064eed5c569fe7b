using System.Diagnostics.CodeAnalysis;

namespace Procurement.Bidding.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation type (2),
/// administrative region (3–8, digits), organisation code (9–17, GB 11714 with its own check character)
/// and the check character (18). A code that fails either check is a mistyped code, so it is refused as
/// a malformed value (400), the same as a wrong length or a forbidden letter.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters of the code, in value order; I, O, Z, S and V are never used.</summary>
    internal const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    internal UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public char RegistrationAuthority => Value[0];

    public char OrganisationType => Value[1];

    public string RegionCode => Value[2..8];

    /// <summary>The nine-character organisation code (组织机构代码) the code embeds.</summary>
    public string OrganisationCode => Value[8..17];

    public override string ToString() => Value;

    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code) =>
        TryParse(text, out code, out _);

    /// <summary>
    /// Trims and upper-cases <paramref name="text"/>, then checks it; on failure <paramref name="problem"/>
    /// names the rule broken (a message code of <see cref="BiddingMessages"/>) and its arguments.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, [NotNullWhen(false)] out CodeProblem? problem)
    {
        var normalised = text?.Trim().ToUpperInvariant() ?? "";
        problem = Check(normalised);
        code = problem is null ? new UnifiedSocialCreditCode(normalised) : null;
        return code is not null;
    }

    public static UnifiedSocialCreditCode Parse(string text) => TryParse(text, out var code, out var problem)
        ? code
        : throw new FormatException($"Not a unified social credit code: {problem.Rule}.");

    /// <summary>The check character GB 32100-2015 gives the first 17 characters (all from the charset).</summary>
    internal static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Charset.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        // 31 − (Σ mod 31), where 31 itself is written as 0.
        return Charset[(31 - (sum % 31)) % 31];
    }

    /// <summary>The GB 11714 check character of an organisation code's first eight characters.</summary>
    internal static char OrganisationCheckCharacterOf(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            // GB 11714 values digits as themselves and letters A–Z as 10–35.
            var c = first8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganisationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    private static CodeProblem? Check(string code)
    {
        if (code.Length != Length)
        {
            return new CodeProblem("uscc_length", [code.Length]);
        }

        foreach (var c in code)
        {
            if (!Charset.Contains(c, StringComparison.Ordinal))
            {
                return new CodeProblem("uscc_character", [c.ToString()]);
            }
        }

        if (code.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return new CodeProblem("uscc_region", []);
        }

        if (CheckCharacterOf(code.AsSpan(0, 17)) != code[17])
        {
            return new CodeProblem("uscc_check_character", []);
        }

        return OrganisationCheckCharacterOf(code.AsSpan(8, 8)) != code[16]
            ? new CodeProblem("uscc_organisation_code", [])
            : null;
    }
}

/// <summary>Why a code was refused: a message code and the values its text needs after the field name.</summary>
public sealed record CodeProblem(string Rule, object?[] Args);
