namespace Procurement.Portal.Components.Pages.Agency;

/// <summary>Why a unified social credit code is not accepted, as the agency types it.</summary>
public enum CreditCodeProblem
{
    None,

    /// <summary>Fewer or more than 18 characters.</summary>
    Length,

    /// <summary>A character outside the code's 31 (I, O, Z, S, V are never used).</summary>
    Character,

    /// <summary>Characters 3–8 (the administrative region) are not all digits.</summary>
    Region,

    /// <summary>The 18th character is not the GB 32100-2015 check character of the first 17.</summary>
    CheckCharacter,

    /// <summary>The embedded organisation code (characters 9–17) fails its GB 11714 check character.</summary>
    OrganisationCode,
}

/// <summary>
/// 统一社会信用代码 (GB 32100-2015) checked as it is typed, so the agency sees a mistyped code before saving.
/// Mirrors <c>Procurement.Bidding.Domain.UnifiedSocialCreditCode</c> (services/Procurement.Bidding/Domain/UnifiedSocialCreditCode.cs):
/// same charset, weights, order of checks and normalisation (trimmed, upper-cased). The API checks again on save; keep the two in step.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    private const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static string Normalise(string? text) => text?.Trim().ToUpperInvariant() ?? "";

    public static bool IsValid(string? text) => Check(text) == CreditCodeProblem.None;

    /// <summary>The first rule the code breaks, in the order the API checks them; <see cref="CreditCodeProblem.None"/> when it is a code.</summary>
    public static CreditCodeProblem Check(string? text)
    {
        var code = Normalise(text);
        if (code.Length != Length)
        {
            return CreditCodeProblem.Length;
        }

        if (code.Any(c => !Charset.Contains(c, StringComparison.Ordinal)))
        {
            return CreditCodeProblem.Character;
        }

        if (code.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return CreditCodeProblem.Region;
        }

        if (CheckCharacterOf(code.AsSpan(0, 17)) != code[17])
        {
            return CreditCodeProblem.CheckCharacter;
        }

        return OrganisationCheckCharacterOf(code.AsSpan(8, 8)) != code[16] ? CreditCodeProblem.OrganisationCode : CreditCodeProblem.None;
    }

    /// <summary>The first character outside the charset (for the message), or null.</summary>
    public static char? ForbiddenCharacter(string? text) =>
        Normalise(text).Select(c => (char?)c).FirstOrDefault(c => !Charset.Contains(c!.Value, StringComparison.Ordinal));

    /// <summary>The GB 32100-2015 check character of the first 17 characters (all from the charset).</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Charset.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Charset[(31 - (sum % 31)) % 31];
    }

    /// <summary>The GB 11714 check character of an organisation code's first eight characters.</summary>
    public static char OrganisationCheckCharacterOf(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
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

    /// <summary>
    /// The registration authority the first character names (登记管理部门代码): 1 机构编制, 5 民政 (social organisations,
    /// where social-work agencies register), 9 市场监管, Y 其他; the resource key of its name, or null for another character.
    /// </summary>
    public static string? AuthorityKey(string? text) => Normalise(text) is { Length: > 0 } code
        ? code[0] switch
        {
            '1' => "Authority_1",
            '5' => "Authority_5",
            '9' => "Authority_9",
            'Y' => "Authority_Y",
            _ => null,
        }
        : null;
}
