using System.Globalization;

namespace Procurement.Benchmarks;

/// <summary>Valid, distinct identifiers for generated agencies and workers (the host checks both check characters).</summary>
internal static class Identifiers
{
    private const string CreditCodeCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string IdCheckCharacters = "10X98765432";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganisationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private static readonly DateOnly FirstBirthDate = new(1975, 1, 1);

    /// <summary>统一社会信用代码 (GB 32100-2015): social organisation (5, 2) in Futian, a numbered organisation code, both check characters.</summary>
    public static string CreditCode(int index)
    {
        var organisation = (10_000_000 + index).ToString("D8", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (organisation[i] - '0') * OrganisationCodeWeights[i];
        }

        var organisationCheck = (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
        var first17 = "52440304" + organisation + organisationCheck;
        sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCodeCharset.IndexOf(first17[i], StringComparison.Ordinal) * CreditCodeWeights[i];
        }

        return first17 + CreditCodeCharset[(31 - (sum % 31)) % 31];
    }

    /// <summary>居民身份证号码 (GB 11643-1999): Futian region, a birth date per agency, a sequence per worker, the check character.</summary>
    public static string IdNumber(int agency, int worker)
    {
        var birth = FirstBirthDate.AddDays(agency % 10_000);
        var first17 = "440304" + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            + (100 + worker).ToString("D3", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }

        return first17 + IdCheckCharacters[sum % 11];
    }
}
