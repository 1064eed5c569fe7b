namespace Procurement.Identity.Domain;

/// <summary>
/// The shape of an administrative division code (行政区划代码, GB/T 2260): six digits, province (2), city (2),
/// county (2); the first two name one of the provinces, autonomous regions, municipalities or SARs (11 北京 … 82 澳门).
/// </summary>
public static class AdministrativeDivision
{
    /// <summary>The province-level prefixes of GB/T 2260.</summary>
    public static IReadOnlySet<string> Provinces { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82",
    };

    public static bool IsCode(string? code) =>
        code is { Length: Organisation.DivisionCodeLength }
        && code.All(char.IsAsciiDigit)
        && Provinces.Contains(code[..2]);
}
