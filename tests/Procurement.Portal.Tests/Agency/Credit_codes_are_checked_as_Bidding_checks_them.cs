using Procurement.Portal.Components.Pages.Agency;

namespace Procurement.Portal.Tests.Agency;

public sealed class Credit_codes_are_checked_as_Bidding_checks_them
{
    // The same codes Procurement.Bidding.Tests accepts (Unified_social_credit_codes.ValidCodes).
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("52440305MJL100017G")]
    [InlineData("52440305MJL100025B")]
    [InlineData("52440305MJL1000336")]
    [InlineData("  52440305mjl100017g ")]
    public void A_code_with_both_check_characters_right_is_valid(string code)
    {
        CreditCode.Check(code).Should().Be(CreditCodeProblem.None);
    }

    [Theory]
    [InlineData("", CreditCodeProblem.Length)]
    [InlineData("52440305MJL10001", CreditCodeProblem.Length)]
    [InlineData("52440305MJL100017GX", CreditCodeProblem.Length)]
    [InlineData("52440305MJL1000I7G", CreditCodeProblem.Character)]
    [InlineData("524403O5MJL100017G", CreditCodeProblem.Character)]
    [InlineData("5244A305MJL100017G", CreditCodeProblem.Region)]
    [InlineData("52440305MJL100018G", CreditCodeProblem.CheckCharacter)]
    [InlineData("52440305MJL100017H", CreditCodeProblem.CheckCharacter)]
    public void A_mistyped_code_names_the_first_rule_it_breaks(string code, CreditCodeProblem problem)
    {
        CreditCode.Check(code).Should().Be(problem);
    }

    [Fact]
    public void Every_other_check_character_is_refused()
    {
        const string valid = "52440305MJL100017G";
        foreach (var wrong in "0123456789ABCDEFGHJKLMNPQRTUWXY".Where(c => c != valid[17]))
        {
            CreditCode.Check(valid[..17] + wrong).Should().Be(CreditCodeProblem.CheckCharacter, $"{wrong} is not the check character");
        }
    }

    [Fact]
    public void An_organisation_code_with_a_wrong_check_character_is_refused_even_when_the_whole_code_checks()
    {
        const string first17 = "91350100M000100Y5";
        var text = first17 + Procurement.Rules.CreditCodeRules.CheckCharacterOf(first17);

        CreditCode.Check(text).Should().Be(CreditCodeProblem.OrganisationCode);
    }

    [Theory]
    [InlineData("52440305MJL100017G", "Authority_5")]
    [InlineData("91350100M000100Y43", "Authority_9")]
    [InlineData("", null)]
    public void The_first_character_names_the_registration_authority(string code, string? key)
    {
        CreditCode.AuthorityKey(code).Should().Be(key);
    }
}
