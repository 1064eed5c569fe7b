using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Admin;

namespace Procurement.Portal.Tests.Admin;

public sealed class The_directory_rules_are_Identitys_rules
{
    [Theory]
    [InlineData(OrganisationKind.PurchasingUnit, "purchaser")]
    [InlineData(OrganisationKind.Agency, "agency")]
    [InlineData(OrganisationKind.TreasuryOffice, "treasury")]
    [InlineData(OrganisationKind.FinanceDepartment, "treasury")]
    [InlineData(OrganisationKind.AuditOffice, "auditor")]
    [InlineData(OrganisationKind.Oversight, "auditor")]
    [InlineData(OrganisationKind.ExpertPool, "evaluator")]
    [InlineData(OrganisationKind.EvaluationOrganisation, "evaluator")]
    public void Each_kind_allows_its_person_role_and_org_admin_and_nothing_else(OrganisationKind kind, string role)
    {
        DirectoryRules.RolesFor(kind, byPlatformAdmin: true).Should().Equal(role, "org-admin");
        DirectoryRules.RolesFor(kind, byPlatformAdmin: false).Should().Equal(role, "org-admin");
    }

    [Fact]
    public void Only_the_platform_administrator_gives_admin()
    {
        DirectoryRules.RolesFor(OrganisationKind.PlatformOperator, byPlatformAdmin: true).Should().Equal("admin", "org-admin");
        DirectoryRules.RolesFor(OrganisationKind.PlatformOperator, byPlatformAdmin: false).Should().Equal("org-admin");
    }

    [Fact]
    public void Service_domains_are_asked_for_an_evaluator_only()
    {
        DirectoryRules.AsksForServiceDomains(["evaluator"]).Should().BeTrue();
        DirectoryRules.AsksForServiceDomains(["evaluator", "org-admin"]).Should().BeTrue();
        DirectoryRules.AsksForServiceDomains(["purchaser", "org-admin"]).Should().BeFalse();
    }

    [Fact]
    public void A_suspension_shows_before_anything_else_then_inactivity_then_the_unconfirmed_e_mail()
    {
        var at = new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);
        DirectoryRules.StateOf(active: false, awaitingConfirmationSince: at, suspendedAt: at).Should().Be(OrganisationState.Suspended);
        DirectoryRules.StateOf(active: false, awaitingConfirmationSince: at, suspendedAt: null).Should().Be(OrganisationState.Inactive);
        DirectoryRules.StateOf(active: true, awaitingConfirmationSince: at, suspendedAt: null).Should().Be(OrganisationState.AwaitingConfirmation);
        DirectoryRules.StateOf(active: true, awaitingConfirmationSince: null, suspendedAt: null).Should().Be(OrganisationState.Active);
    }

    [Theory]
    [InlineData("440304", true)]
    [InlineData("110101", true)]
    [InlineData("820000", true)]
    [InlineData("100000", false)]
    [InlineData("830000", false)]
    [InlineData("44030", false)]
    [InlineData("4403041", false)]
    [InlineData("44030A", false)]
    [InlineData(null, false)]
    public void A_division_code_is_six_digits_starting_with_a_province(string? code, bool valid) =>
        DirectoryRules.IsDivisionCode(code).Should().Be(valid);

    [Fact]
    public void Only_a_purchasing_unit_needs_a_division_and_only_an_agency_is_suspended()
    {
        DirectoryRules.NeedsDivision(OrganisationKind.PurchasingUnit).Should().BeTrue();
        DirectoryRules.NeedsDivision(OrganisationKind.AuditOffice).Should().BeFalse();
        DirectoryRules.MaySuspend(OrganisationKind.Agency).Should().BeTrue();
        DirectoryRules.MaySuspend(OrganisationKind.PurchasingUnit).Should().BeFalse();
        DirectoryRules.MayDeactivate(OrganisationKind.PlatformOperator).Should().BeFalse();
        DirectoryRules.MayDeactivate(OrganisationKind.Agency).Should().BeTrue();
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("伪造营业执照", true)]
    public void A_suspension_needs_a_reason(string? reason, bool valid) => DirectoryRules.IsReason(reason).Should().Be(valid);

    [Fact]
    public void The_log_s_days_are_whole_Shanghai_days_with_the_last_one_included()
    {
        var (from, to) = ShanghaiDays.Period(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 5));

        from.Should().Be(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        to.Should().Be(new DateTimeOffset(2026, 12, 5, 16, 0, 0, TimeSpan.Zero));
        ShanghaiDays.Period(null, null).Should().Be((null, null));
    }
}
