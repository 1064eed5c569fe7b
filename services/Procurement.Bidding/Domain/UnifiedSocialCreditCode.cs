using System.Diagnostics.CodeAnalysis;
using Procurement.Rules;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Domain;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation type (2),
/// administrative region (3–8, digits), organisation code (9–17, GB 11714 with its own check character)
/// and the check character (18). A code that breaks any of its rules — length, characters, region digits, either check
/// character — is refused as a rule violation (422 naming the field, <see cref="ParseOrRefuse"/>), as every other rule is
/// (issue 16 item 5). The checks are <see cref="CreditCodeRules"/>'s, the same the portal makes as the code is typed.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    public const int Length = CreditCodeRules.Length;

    /// <summary>The 31 characters of the code, in value order; I, O, Z, S and V are never used.</summary>
    internal const string Charset = CreditCodeRules.Charset;

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
    /// names the rule broken (a message code of <see cref="BiddingTexts"/>) and its arguments.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, [NotNullWhen(false)] out CodeProblem? problem)
    {
        var normalised = CreditCodeRules.Normalise(text);
        problem = Check(normalised);
        code = problem is null ? new UnifiedSocialCreditCode(normalised) : null;
        return code is not null;
    }

    /// <summary>
    /// The code, or a <see cref="RuleViolationException"/> (422) on <paramref name="field"/> with the rule broken as its code
    /// (<c>uscc_check_character</c>…) and the field's label and the rule's numbers as the text's arguments.
    /// </summary>
    public static UnifiedSocialCreditCode ParseOrRefuse(string text, string field) => TryParse(text, out var code, out var problem)
        ? code
        : throw new RuleViolationException(problem.Rule, field, [new FieldName(field), .. problem.Args]);

    public static UnifiedSocialCreditCode Parse(string text) => TryParse(text, out var code, out var problem)
        ? code
        : throw new FormatException($"Not a unified social credit code: {problem.Rule}.");

    /// <summary>The check character GB 32100-2015 gives the first 17 characters (all from the charset).</summary>
    internal static char CheckCharacterOf(ReadOnlySpan<char> first17) => CreditCodeRules.CheckCharacterOf(first17);

    private static CodeProblem? Check(string code) => CreditCodeRules.Check(code) switch
    {
        null => null,
        { Code: CreditCodeRules.WrongLength } finding => new CodeProblem(finding.Code, [code.Length]),
        { Code: CreditCodeRules.ForbiddenCharacter, Index: { } index } finding => new CodeProblem(finding.Code, [code[index].ToString()]),
        var finding => new CodeProblem(finding.Code, []),
    };
}

/// <summary>Why a code was refused: a message code and the values its text needs after the field name.</summary>
public sealed record CodeProblem(string Rule, object?[] Args);
