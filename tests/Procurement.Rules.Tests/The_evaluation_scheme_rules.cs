using Procurement.Rules;

namespace Procurement.Rules.Tests;

public sealed class The_evaluation_scheme_rules
{
    private static readonly PriceWeightBounds Consultation = new(10m, 30m);

    private static SchemeCriterion[] Scheme(params (bool Price, decimal Points)[] criteria) =>
        [.. criteria.Select((c, i) => new SchemeCriterion($"C{i}", c.Price, c.Points))];

    private static IEnumerable<string> Codes(IEnumerable<Finding> findings) => findings.Select(f => f.Code);

    [Fact]
    public void A_scheme_of_exactly_100_points_with_one_price_criterion_in_bounds_passes() =>
        EvaluationSchemeRules.Check(Scheme((true, 30m), (false, 70m)), fixedPrice: false, Consultation).Should().BeEmpty();

    [Theory]
    [InlineData(99.99)]
    [InlineData(100.01)]
    public void A_scheme_a_fen_off_100_is_refused_with_its_sum(decimal technical)
    {
        var findings = EvaluationSchemeRules.Check(Scheme((true, 20m), (false, technical - 20m)), fixedPrice: false, Consultation);

        findings.Should().ContainSingle().Which.Should().Be(
            new Finding(EvaluationSchemeRules.SchemeNot100, "evaluationScheme.criteria", Value: technical, Limit: 100m));
    }

    [Theory]
    [InlineData(9.99, EvaluationSchemeRules.PriceWeightBelowMinimum)]
    [InlineData(10, null)]
    [InlineData(30, null)]
    [InlineData(30.01, EvaluationSchemeRules.PriceWeightAboveMaximum)]
    public void The_price_weight_lies_within_the_methods_bounds(decimal points, string? code)
    {
        var findings = EvaluationSchemeRules.Check(Scheme((true, points), (false, 100m - points)), fixedPrice: false, Consultation);

        if (code is null)
        {
            findings.Should().BeEmpty();
        }
        else
        {
            findings.Should().ContainSingle().Which.Should().Be(
                new Finding(code, "evaluationScheme.criteria", 0, points, code == EvaluationSchemeRules.PriceWeightBelowMinimum ? 10m : 30m));
        }
    }

    [Fact]
    public void Without_a_maximum_any_price_weight_from_the_minimum_up_passes() =>
        EvaluationSchemeRules.Check(Scheme((true, 90m), (false, 10m)), fixedPrice: false, new PriceWeightBounds(10m, null)).Should().BeEmpty();

    [Fact]
    public void A_method_without_price_bounds_is_not_scored_at_all() =>
        EvaluationSchemeRules.Check(Scheme((true, 30m), (false, 70m)), fixedPrice: false, priceWeight: null)
            .Should().Equal(new Finding(EvaluationSchemeRules.MethodNotScored, "procurementMethod"));

    [Fact]
    public void A_fixed_price_scheme_scores_no_price_and_a_scored_one_scores_it_once()
    {
        EvaluationSchemeRules.Check(Scheme((false, 100m)), fixedPrice: true, Consultation).Should().BeEmpty();
        Codes(EvaluationSchemeRules.Check(Scheme((false, 80m), (true, 20m)), fixedPrice: true, Consultation))
            .Should().Equal(EvaluationSchemeRules.FixedPriceScoresPrice);
        EvaluationSchemeRules.Check(Scheme((false, 80m), (true, 20m)), fixedPrice: true, Consultation)[0].Index.Should().Be(1, "it names the price criterion");
        Codes(EvaluationSchemeRules.Check(Scheme((false, 100m)), fixedPrice: false, Consultation)).Should().Equal(EvaluationSchemeRules.PriceCriterionMissing);
        EvaluationSchemeRules.Check(Scheme((true, 15m), (true, 15m), (false, 70m)), fixedPrice: false, Consultation)
            .Should().Equal(new Finding(EvaluationSchemeRules.PriceCriterionDuplicate, "evaluationScheme.criteria", Value: 2m));
    }

    [Fact]
    public void Criteria_need_a_name_unique_ignoring_case_and_points_above_zero_in_whole_hundredths()
    {
        SchemeCriterion[] criteria =
        [
            new(" ", true, 30m), new("服务方案", false, 0m), new("Team", false, 30.005m), new(" team ", false, 39.995m),
        ];

        EvaluationSchemeRules.Check(criteria, fixedPrice: false, Consultation).Should().Equal(
            new Finding(EvaluationSchemeRules.CriterionNameRequired, "evaluationScheme.criteria[0].name", 0),
            new Finding(EvaluationSchemeRules.CriterionPointsInvalid, "evaluationScheme.criteria[1].maxPoints", 1, 0m),
            new Finding(EvaluationSchemeRules.CriterionPointsInvalid, "evaluationScheme.criteria[2].maxPoints", 2, 30.005m),
            new Finding(EvaluationSchemeRules.CriterionPointsInvalid, "evaluationScheme.criteria[3].maxPoints", 3, 39.995m),
            new Finding(EvaluationSchemeRules.CriterionNameDuplicate, "evaluationScheme.criteria[3].name", 3));
    }

    [Fact]
    public void The_sum_is_what_the_criteria_share_out() =>
        EvaluationSchemeRules.Sum(Scheme((true, 30.5m), (false, 60m))).Should().Be(90.5m);
}
