namespace Procurement.Rules;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation type (2),
/// administrative region (3–8, digits), organisation code (9–17, GB 11714 with its own check character)
/// and the check character (18). Checked trimmed and upper-cased, in this order: length, charset, region digits,
/// check character, organisation code's check character.
/// </summary>
public static class CreditCodeRules
{
    public const int Length = 18;

    /// <summary>The 31 characters of the code, in value order; I, O, Z, S and V are never used.</summary>
    public const string Charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public const string WrongLength = "uscc_length";
    public const string ForbiddenCharacter = "uscc_character";
    public const string RegionNotDigits = "uscc_region";
    public const string WrongCheckCharacter = "uscc_check_character";
    public const string WrongOrganisationCode = "uscc_organisation_code";

    private const string Field = "unifiedSocialCreditCode";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The code as it is checked and kept: trimmed and upper-cased.</summary>
    public static string Normalise(string? text) => text?.Trim().ToUpperInvariant() ?? "";

    /// <summary>
    /// The first rule the (normalised) code breaks, or null when it is a code: <see cref="WrongLength"/> with the length as
    /// its value, <see cref="ForbiddenCharacter"/> with the index of the first character outside <see cref="Charset"/>, and
    /// the three checks without numbers.
    /// </summary>
    public static Finding? Check(string? text)
    {
        var code = Normalise(text);
        if (code.Length != Length)
        {
            return new Finding(WrongLength, Field, Value: code.Length, Limit: Length);
        }

        var forbidden = code.AsSpan().IndexOfAnyExcept(Charset);
        if (forbidden >= 0)
        {
            return new Finding(ForbiddenCharacter, Field, forbidden);
        }

        if (code.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return new Finding(RegionNotDigits, Field);
        }

        if (CheckCharacterOf(code.AsSpan(0, 17)) != code[17])
        {
            return new Finding(WrongCheckCharacter, Field);
        }

        return OrganisationCheckCharacterOf(code.AsSpan(8, 8)) != code[16] ? new Finding(WrongOrganisationCode, Field) : null;
    }

    /// <summary>The check character GB 32100-2015 gives the first 17 characters (all from the charset).</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
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
    public static char OrganisationCheckCharacterOf(ReadOnlySpan<char> first8)
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
}
