using Procurement.Rules;

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
/// 统一社会信用代码 (GB 32100-2015) checked as it is typed, so the agency sees a mistyped code before saving: the checks are
/// <see cref="CreditCodeRules"/>' (the same Bidding makes on save); this class maps their findings to the profile's texts.
/// </summary>
public static class CreditCode
{
    public const int Length = CreditCodeRules.Length;

    public static string Normalise(string? text) => CreditCodeRules.Normalise(text);

    public static bool IsValid(string? text) => Check(text) == CreditCodeProblem.None;

    /// <summary>The first rule the code breaks, in the order the API checks them; <see cref="CreditCodeProblem.None"/> when it is a code.</summary>
    public static CreditCodeProblem Check(string? text) => CreditCodeRules.Check(text)?.Code switch
    {
        null => CreditCodeProblem.None,
        CreditCodeRules.WrongLength => CreditCodeProblem.Length,
        CreditCodeRules.ForbiddenCharacter => CreditCodeProblem.Character,
        CreditCodeRules.RegionNotDigits => CreditCodeProblem.Region,
        CreditCodeRules.WrongCheckCharacter => CreditCodeProblem.CheckCharacter,
        _ => CreditCodeProblem.OrganisationCode,
    };

    /// <summary>The first character outside the charset (for the message), or null.</summary>
    public static char? ForbiddenCharacter(string? text) =>
        CreditCodeRules.Check(text) is { Code: CreditCodeRules.ForbiddenCharacter, Index: { } index } ? Normalise(text)[index] : null;

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
