using Procurement.Bidding.Domain;

namespace Procurement.Bidding.Tests;

public sealed class Unified_social_credit_codes
{
    // By hand, for 91350100M000100Y43 (charset values: M = 21, Y = 30):
    //   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + 21·20 + 0·29 + 0·25 + 0·13 + 1·8 + 0·24 + 0·10 + 30·30 + 4·28
    //   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3' (the 18th character).
    // Its organisation code M000100Y4 by GB 11714 (letters A = 10 … Z = 35, so M = 22, Y = 34):
    //   22·3 + 0·7 + 0·9 + 0·10 + 1·5 + 0·8 + 0·4 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4 → '4' (the 17th character).
    public static TheoryData<string> ValidCodes => ["91350100M000100Y43", "52440305MJL100017G", "52440305MJL100025B", "52440305MJL1000336"];

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void A_code_with_both_check_characters_right_is_accepted(string text)
    {
        UnifiedSocialCreditCode.TryParse(text, out var code, out var problem).Should().BeTrue();

        problem.Should().BeNull();
        code!.Value.Should().Be(text);
    }

    [Fact]
    public void A_code_is_read_in_its_parts()
    {
        var code = UnifiedSocialCreditCode.Parse("52440305MJL100017G");

        code.RegistrationAuthority.Should().Be('5');
        code.OrganisationType.Should().Be('2');
        code.RegionCode.Should().Be("440305");
        code.OrganisationCode.Should().Be("MJL100017");
    }

    [Fact]
    public void A_code_is_trimmed_and_upper_cased()
    {
        UnifiedSocialCreditCode.Parse("  91350100m000100y43 ").Value.Should().Be("91350100M000100Y43");
    }

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Every_other_check_character_is_refused(string valid)
    {
        foreach (var wrong in UnifiedSocialCreditCode.Charset.Where(c => c != valid[17]))
        {
            UnifiedSocialCreditCode.TryParse(valid[..17] + wrong, out _, out var problem).Should().BeFalse();
            problem!.Rule.Should().Be("uscc_check_character", $"{wrong} is not the check character of {valid[..17]}");
        }
    }

    [Fact]
    public void A_mistyped_character_in_the_body_is_caught_by_the_check_character()
    {
        UnifiedSocialCreditCode.TryParse("52440305MJL100018G", out _, out var problem).Should().BeFalse();

        problem!.Rule.Should().Be("uscc_check_character");
    }

    [Fact]
    public void An_organisation_code_with_a_wrong_check_character_is_refused_even_when_the_whole_code_checks()
    {
        // Position 17 should be '4'; with '5' the 18th character is recomputed so that only GB 11714 fails.
        var first17 = "91350100M000100Y5";
        var text = first17 + UnifiedSocialCreditCode.CheckCharacterOf(first17);

        UnifiedSocialCreditCode.TryParse(text, out _, out var problem).Should().BeFalse();
        problem!.Rule.Should().Be("uscc_organisation_code");
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('Z')]
    [InlineData('S')]
    [InlineData('V')]
    public void A_letter_the_code_never_uses_is_refused(char letter)
    {
        UnifiedSocialCreditCode.TryParse("91350100" + letter + "000100Y43", out _, out var problem).Should().BeFalse();

        problem!.Rule.Should().Be("uscc_character");
        problem.Args.Should().Equal(letter.ToString());
    }

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y430", 19)]
    [InlineData("", 0)]
    public void A_code_must_be_exactly_18_characters(string text, int length)
    {
        UnifiedSocialCreditCode.TryParse(text, out _, out var problem).Should().BeFalse();

        problem!.Rule.Should().Be("uscc_length");
        problem.Args.Should().Equal(length);
    }

    [Fact]
    public void The_region_code_must_be_digits()
    {
        UnifiedSocialCreditCode.TryParse("91A50100M000100Y43", out _, out var problem).Should().BeFalse();

        problem!.Rule.Should().Be("uscc_region");
    }
}
