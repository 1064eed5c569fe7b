using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class A_staffing_requirement_counts_intermediate_workers_among_the_certified
{
    [Fact]
    public void Three_certified_of_whom_one_intermediate_and_one_supervisor_is_accepted()
    {
        var requirement = StaffingRequirement.Create(3, 1, 1);

        requirement.CertifiedSocialWorkers.Should().Be(3);
        requirement.IntermediateOrAbove.Should().Be(1);
        requirement.Supervisors.Should().Be(1);
    }

    [Fact]
    public void As_many_intermediate_as_certified_workers_is_accepted()
    {
        StaffingRequirement.Create(2, 2, 0).IntermediateOrAbove.Should().Be(2);
    }

    [Fact]
    public void More_intermediate_than_certified_workers_is_refused()
    {
        var create = () => StaffingRequirement.Create(1, 2, 0);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("staffing_intermediate_exceeds_certified");
        refusal.Field.Should().Be("staffingRequirement.intermediateOrAbove");
    }

    [Fact]
    public void A_supervisor_may_be_asked_for_beyond_the_certified_workers()
    {
        StaffingRequirement.Create(0, 0, 1).Supervisors.Should().Be(1);
    }

    [Theory]
    [InlineData(-1, 0, 0, "staffingRequirement.certifiedSocialWorkers")]
    [InlineData(0, -1, 0, "staffingRequirement.intermediateOrAbove")]
    [InlineData(0, 0, -1, "staffingRequirement.supervisors")]
    public void No_count_is_negative(int certified, int intermediate, int supervisors, string field)
    {
        var create = () => StaffingRequirement.Create(certified, intermediate, supervisors);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("staffing_count_negative");
        refusal.Field.Should().Be(field);
    }

    [Theory]
    [InlineData(3, 1, 1, true)]
    [InlineData(4, 2, 2, true)]
    [InlineData(2, 1, 1, false)]
    [InlineData(3, 0, 1, false)]
    [InlineData(3, 1, 0, false)]
    public void A_plan_meets_the_requirement_when_every_count_reaches_it(int certified, int intermediate, int supervisors, bool met)
    {
        StaffingRequirement.Create(3, 1, 1).IsMetBy(certified, intermediate, supervisors).Should().Be(met);
    }

    [Fact]
    public void Requirements_with_the_same_counts_are_equal()
    {
        StaffingRequirement.Create(3, 1, 1).Should().Be(StaffingRequirement.Create(3, 1, 1));
        StaffingRequirement.Create(0, 0, 0).Should().Be(StaffingRequirement.None);
    }
}

public sealed class A_tenders_KPIs_are_each_named_once_with_a_unit_and_a_target
{
    [Fact]
    public void Distinct_KPIs_are_accepted_and_trimmed()
    {
        var kpis = KpiList.Create([new Kpi(" Service hours ", "hours", 2400m), new Kpi("Satisfaction", "%", 90m), new Kpi("Complaints", "cases", 0m)]);

        kpis.Items.Select(k => k.Name).Should().Equal("Service hours", "Satisfaction", "Complaints");
    }

    [Fact]
    public void The_same_KPI_twice_is_refused_whatever_the_case()
    {
        var create = () => KpiList.Create([new Kpi("Service hours", "hours", 2400m), new Kpi("service HOURS", "h", 100m)]);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("kpi_duplicate");
        refusal.Field.Should().Be("kpis[1].name");
    }

    [Fact]
    public void A_KPI_needs_a_name()
    {
        var create = () => KpiList.Create([new Kpi(" ", "hours", 1m)]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("kpi_name_required");
    }

    [Fact]
    public void A_KPI_needs_a_unit()
    {
        var create = () => KpiList.Create([new Kpi("Service hours", "", 1m)]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("kpi_unit_required");
    }

    [Fact]
    public void A_KPI_target_below_zero_is_refused()
    {
        var create = () => KpiList.Create([new Kpi("Service hours", "hours", -0.01m)]);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("kpi_target_negative");
    }

    [Fact]
    public void Lists_with_the_same_KPIs_are_equal()
    {
        KpiList.Create([new Kpi("Service hours", "hours", 2400m)]).Should().Be(KpiList.Create([new Kpi("Service hours", "hours", 2400m)]));
        KpiList.Create([]).Should().Be(KpiList.Empty);
    }
}
