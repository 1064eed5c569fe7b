using Microsoft.Extensions.Configuration;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Panel_rules
{
    private static readonly EvaluationRules Rules = EvaluationRules.Default;

    [Theory]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    [InlineData(7, 5)]
    [InlineData(9, 6)]
    public void Experts_are_at_least_two_thirds_rounded_up(int size, int experts) =>
        Rules.MinimumExperts(size).Should().Be(experts);

    [Fact]
    public void A_panel_at_the_method_minimum_is_allowed_and_one_below_is_refused()
    {
        var allowed = () => Rules.CheckPanel(5, 1, minimumSize: 5, odd: true);
        allowed.Should().NotThrow();

        var tooSmall = () => Rules.CheckPanel(3, 1, minimumSize: 5, odd: true);
        tooSmall.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.PanelTooSmall);
    }

    [Fact]
    public void An_even_panel_is_refused_when_the_method_wants_odd_and_allowed_when_it_does_not()
    {
        var even = () => Rules.CheckPanel(6, 0, minimumSize: 5, odd: true);
        even.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.PanelSizeEven);

        var evenAllowed = () => Rules.CheckPanel(6, 2, minimumSize: 5, odd: false);
        evenAllowed.Should().NotThrow("4 experts of 6 is exactly two thirds");
    }

    [Fact]
    public void Exactly_two_thirds_experts_is_enough_and_one_fewer_is_not()
    {
        // A panel of 6 (no odd rule): 4 experts is exactly 2/3; 3 experts is less.
        var exactlyTwoThirds = () => Rules.CheckPanel(6, 2, minimumSize: 3, odd: false);
        exactlyTwoThirds.Should().NotThrow();

        var tooFew = () => Rules.CheckPanel(6, 3, minimumSize: 3, odd: false);
        tooFew.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.PanelTooFewExperts);
    }

    [Fact]
    public void A_panel_of_five_takes_one_representative_but_not_two()
    {
        // ⌈5 × 2/3⌉ = 4 experts: 1 representative leaves 4, 2 leave 3.
        var one = () => Rules.CheckPanel(5, 1, minimumSize: 5, odd: true);
        one.Should().NotThrow();
        var two = () => Rules.CheckPanel(5, 2, minimumSize: 5, odd: true);
        two.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.PanelTooFewExperts);
    }

    [Fact]
    public void A_method_without_a_panel_refuses_any_draw()
    {
        var draw = () => Rules.CheckPanel(3, 0, minimumSize: null, odd: true);
        draw.Should().Throw<ConflictException>().Which.Code.Should().Be(EvaluationCodes.TenderHasNoPanel);
    }

    private static readonly Guid Bidder = Guid.NewGuid();
    private static readonly DateOnly DrawDay = new(2026, 11, 25);

    private static Expert WorkedUntil(DateOnly? to, DateOnly? from = null) => Expert.Create(
        Guid.NewGuid(), "Expert", Guid.NewGuid().ToString(), ["Elderly"],
        [new Employment(Bidder, "Sunshine Social Work Service Centre", from ?? new DateOnly(2015, 1, 1), to)], available: true);

    [Fact]
    public void Work_for_a_bidder_ending_exactly_three_years_before_the_draw_excludes_and_a_day_earlier_does_not()
    {
        var bidders = new HashSet<Guid> { Bidder };
        WorkedUntil(new DateOnly(2023, 11, 25)).WorkedForWithin(bidders, DrawDay, Rules).Should().BeTrue("the window starts on 2023-11-25");
        WorkedUntil(new DateOnly(2023, 11, 24)).WorkedForWithin(bidders, DrawDay, Rules).Should().BeFalse("that day is outside the three years");
    }

    [Fact]
    public void Current_work_for_a_bidder_excludes_and_work_for_someone_else_does_not()
    {
        WorkedUntil(null).WorkedForWithin(new HashSet<Guid> { Bidder }, DrawDay, Rules).Should().BeTrue();
        WorkedUntil(null).WorkedForWithin(new HashSet<Guid> { Guid.NewGuid() }, DrawDay, Rules).Should().BeFalse();
    }

    [Fact]
    public void The_window_is_a_number_of_the_rule_table()
    {
        var twoYears = new EvaluationRules { ConflictLookbackYears = 2 };
        WorkedUntil(new DateOnly(2023, 11, 25)).WorkedForWithin(new HashSet<Guid> { Bidder }, DrawDay, twoYears).Should().BeFalse();
    }

    [Fact]
    public void Candidates_are_available_experts_of_the_domain_without_a_bidder_past_or_a_declared_conflict()
    {
        var tenderId = Guid.NewGuid();
        Expert Make(string domain, bool available = true) => Expert.Create(Guid.NewGuid(), domain, Guid.NewGuid().ToString(), [domain], [], available);
        var fit = Make("Elderly");
        var otherDomain = Make("Family");
        var unavailable = Make("Elderly", available: false);
        var formerStaff = WorkedUntil(new DateOnly(2025, 6, 30));
        var declaredAgency = Make("Elderly");
        var declaredTender = Make("Elderly");
        var declaredElsewhere = Make("Elderly");
        ConflictDeclaration[] declarations =
        [
            ConflictDeclaration.Declare(declaredAgency.Id, Bidder, null, "My spouse works there", EvaluationData.Now),
            ConflictDeclaration.Declare(declaredTender.Id, null, tenderId, "I advised on the tender", EvaluationData.Now),
            ConflictDeclaration.Declare(declaredElsewhere.Id, Guid.NewGuid(), null, "Another agency", EvaluationData.Now),
        ];

        var eligible = PanelCandidates.Eligible(
            [fit, otherDomain, unavailable, formerStaff, declaredAgency, declaredTender, declaredElsewhere], declarations,
            "Elderly", tenderId, new HashSet<Guid> { Bidder }, DrawDay, Rules);

        eligible.Should().BeEquivalentTo([fit, declaredElsewhere]);
    }

    [Fact]
    public void A_conflict_is_declared_against_exactly_one_agency_or_tender()
    {
        var neither = () => ConflictDeclaration.Declare(Guid.NewGuid(), null, null, "?", EvaluationData.Now);
        neither.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.ConflictTargetRequired);
        var both = () => ConflictDeclaration.Declare(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "?", EvaluationData.Now);
        both.Should().Throw<RuleViolationException>();
    }

    [Fact]
    public void An_employment_that_ends_before_it_starts_is_refused()
    {
        var reversed = () => WorkedUntil(new DateOnly(2020, 1, 1), from: new DateOnly(2021, 1, 1));
        reversed.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.EmploymentSpanReversed);
    }
}

public sealed class Evaluation_rule_table
{
    [Fact]
    public void A_deployment_can_override_the_numbers_in_configuration_and_the_rest_keep_their_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{EvaluationRules.Section}:ConflictLookbackYears"] = "5" })
            .Build();
        var rules = configuration.GetSection(EvaluationRules.Section).Get<EvaluationRules>()!;
        rules.ConflictLookbackYears.Should().Be(5);
        rules.OutlierShareOfMaximum.Should().Be(0.30m);
        rules.MinimumExperts(5).Should().Be(4);
    }
}
