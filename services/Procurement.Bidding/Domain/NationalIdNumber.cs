using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Procurement.Bidding.Domain;

/// <summary>
/// A resident identity card number (公民身份号码, GB 11643-1999): a six-digit region, the birth date
/// (yyyyMMdd), a three-digit sequence and a check character. It lives only in memory between the request
/// and <see cref="IdNumberProtector"/>: it is never stored, and <see cref="ToString"/> masks it so that a
/// log line or exception message cannot carry it by accident.
/// </summary>
public sealed class NationalIdNumber
{
    public const int Length = 18;

    private const string CheckCharacters = "10X98765432";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    private NationalIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The full number; read it only to protect it.</summary>
    internal string Value { get; }

    public DateOnly BirthDate { get; }

    /// <summary>The last four characters (sequence and check character), which the roster shows.</summary>
    public string LastFour => Value[^4..];

    public override string ToString() => new string('*', Length - 4) + LastFour;

    /// <summary>
    /// Trims and upper-cases the text (a lower-case x check character is common), then checks its shape,
    /// its birth date (a real day, not after <paramref name="today"/>) and its check character.
    /// </summary>
    public static bool TryParse(string? text, DateOnly today, [NotNullWhen(true)] out NationalIdNumber? number, [NotNullWhen(false)] out CodeProblem? problem)
    {
        number = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        problem = Check(value, today, out var birthDate);
        if (problem is null)
        {
            number = new NationalIdNumber(value, birthDate);
        }

        return number is not null;
    }

    internal static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static CodeProblem? Check(string value, DateOnly today, out DateOnly birthDate)
    {
        birthDate = default;
        if (value.Length != Length)
        {
            return new CodeProblem("id_number_length", [value.Length]);
        }

        if (value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return new CodeProblem("id_number_format", []);
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            return new CodeProblem("id_number_birth_date", []);
        }

        if (birthDate > today)
        {
            return new CodeProblem("id_number_birth_date_future", []);
        }

        return CheckCharacterOf(value.AsSpan(0, 17)) != value[17] ? new CodeProblem("id_number_check_character", []) : null;
    }
}
