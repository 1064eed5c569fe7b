using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class Credit_codes
{
    [Theory]
    [InlineData("52440305MJL100017G")]
    [InlineData("  91350100m000100y43 ")]
    public void A_real_code_passes_trimmed_and_in_any_case(string code) => CreditCodeRules.Check(code).Should().BeNull();

    [Theory]
    [InlineData("52440305MJL100017", 17)]
    [InlineData("52440305MJL100017GG", 19)]
    [InlineData(null, 0)]
    public void A_code_of_another_length_than_18_is_refused_with_its_length(string? code, int length) =>
        CreditCodeRules.Check(code).Should().Be(new Finding(CreditCodeRules.WrongLength, "unifiedSocialCreditCode", Value: length, Limit: 18m));

    [Fact]
    public void A_letter_the_code_never_uses_is_named_by_its_position() =>
        CreditCodeRules.Check("52440305MJL1000I7G").Should().Be(new Finding(CreditCodeRules.ForbiddenCharacter, "unifiedSocialCreditCode", 15));

    [Fact]
    public void The_region_is_six_digits() =>
        CreditCodeRules.Check("91A50100M000100Y43")!.Code.Should().Be(CreditCodeRules.RegionNotDigits);

    [Fact]
    public void Every_other_check_character_is_refused()
    {
        const string valid = "52440305MJL100017G";
        foreach (var wrong in CreditCodeRules.Charset.Where(c => c != valid[17]))
        {
            CreditCodeRules.Check(valid[..17] + wrong)!.Code.Should().Be(CreditCodeRules.WrongCheckCharacter, $"{wrong} is not the check character");
        }
    }

    [Fact]
    public void A_right_check_character_over_a_wrong_organisation_code_is_refused()
    {
        const string first17 = "52440305MJL100018";
        CreditCodeRules.Check(first17 + CreditCodeRules.CheckCharacterOf(first17))!.Code.Should().Be(CreditCodeRules.WrongOrganisationCode);
    }

    [Fact]
    public void The_organisation_check_character_can_be_X_or_0()
    {
        CreditCodeRules.OrganisationCheckCharacterOf("MJL10001").Should().Be('7');
        Enumerable.Range(0, 100).Select(n => CreditCodeRules.OrganisationCheckCharacterOf($"{n:D8}")).Should().Contain('X').And.Contain('0');
    }
}
