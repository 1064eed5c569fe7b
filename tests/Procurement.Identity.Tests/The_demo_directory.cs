using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Identity.Tests;

public sealed class The_demo_directory
{
    private const string CodeCharacters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    [Fact]
    public void Has_one_of_every_party_with_the_expected_logins()
    {
        DemoDirectory.Users.Select(u => u.UserName).Should().Equal(
            "purchaser", "agency1", "agency2", "agency3",
            "evaluator1", "evaluator2", "evaluator3", "evaluator4", "evaluator5", "evaluator6", "evaluator7",
            "treasury", "auditor", "admin");
        DemoDirectory.Users.Select(u => u.Role).Distinct().Should().BeEquivalentTo(Roles.All);
    }

    [Fact]
    public void Ids_are_fixed_and_unique()
    {
        DemoDirectory.Organisations.Select(o => o.Id).Should().OnlyHaveUniqueItems();
        DemoDirectory.Users.Select(u => u.Id).Should().OnlyHaveUniqueItems();
        DemoDirectory.UserNamed("agency2").OrganisationId.Should().Be(new Guid("de000002-0000-4000-8000-000000000002"));
        DemoDirectory.UserNamed("evaluator7").OrganisationId.Should().Be(DemoDirectory.Expert7);
        DemoDirectory.UserNamed("purchaser").Id.Should().Be(new Guid("de100000-0000-4000-8000-000000000001"));
    }

    [Fact]
    public void Every_user_belongs_to_an_organisation_of_the_kind_their_role_needs()
    {
        var kindByRole = new Dictionary<string, OrganisationKind>
        {
            [Roles.Purchaser] = OrganisationKind.PurchasingUnit,
            [Roles.Agency] = OrganisationKind.Agency,
            [Roles.Evaluator] = OrganisationKind.EvaluationOrganisation,
            [Roles.Treasury] = OrganisationKind.FinanceDepartment,
            [Roles.Auditor] = OrganisationKind.Oversight,
            [Roles.Admin] = OrganisationKind.PlatformOperator,
        };
        foreach (var user in DemoDirectory.Users)
        {
            var organisation = DemoDirectory.Organisations.Single(o => o.Id == user.OrganisationId);
            organisation.Kind.Should().Be(kindByRole[user.Role], user.UserName);
            user.OrganisationName.Should().Be(organisation.Name);
        }
    }

    [Fact]
    public void Every_evaluator_is_an_organisation_of_their_own()
    {
        DemoDirectory.Users.Where(u => u.Role == Roles.Evaluator).Select(u => u.OrganisationId)
            .Should().OnlyHaveUniqueItems().And.Equal(DemoDirectory.Experts);
    }

    [Fact]
    public void Unified_social_credit_codes_carry_a_valid_check_character()
    {
        var codes = DemoDirectory.Organisations.Select(o => o.UnifiedSocialCreditCode).OfType<string>().ToList();
        codes.Should().HaveCount(6).And.OnlyHaveUniqueItems();
        foreach (var code in codes)
        {
            code.Should().HaveLength(18).And.MatchRegex("^[0-9A-HJ-NPQRTUWXY]{18}$");
            var sum = code[..17].Select((c, i) => CodeCharacters.IndexOf(c, StringComparison.Ordinal) * CodeWeights[i]).Sum();
            code[17].Should().Be(CodeCharacters[(31 - (sum % 31)) % 31], code);
        }

        DemoDirectory.Organisations.Where(o => o.Kind == OrganisationKind.Agency)
            .Should().OnlyContain(o => o.UnifiedSocialCreditCode != null && o.UnifiedSocialCreditCode.StartsWith("52", StringComparison.Ordinal));
    }
}
