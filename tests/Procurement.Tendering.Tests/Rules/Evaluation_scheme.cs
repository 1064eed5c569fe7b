using Procurement.Rules.Refusals;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

internal static class Schemes
{
    public static EvaluationScheme WithPrice(string pricePoints, ProcurementMethod method)
    {
        var price = Money.Parse(pricePoints);
        List<EvaluationCriterion> criteria = [new("Price", CriterionKind.Price, price)];
        if (price < 100m)
        {
            criteria.Add(new EvaluationCriterion("Service plan", CriterionKind.Technical, 100m - price));
        }

        return EvaluationScheme.Create(criteria, fixedPrice: false, method, ProcurementMethodRules.Default);
    }

    public static EvaluationScheme Of(params EvaluationCriterion[] criteria) =>
        EvaluationScheme.Create(criteria, fixedPrice: false, ProcurementMethod.PublicTender, ProcurementMethodRules.Default);
}

public sealed class A_consultations_price_weight_lies_between_10_and_30_percent
{
    [Fact]
    public void A_price_weight_of_9_99_percent_is_refused()
    {
        var create = () => Schemes.WithPrice("9.99", ProcurementMethod.CompetitiveConsultation);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("price_weight_below_minimum");
        refusal.Field.Should().Be("evaluationScheme.criteria");
        refusal.Args.Should().Equal(9.99m, 10m);
    }

    [Fact]
    public void A_price_weight_of_10_percent_is_accepted()
    {
        Schemes.WithPrice("10", ProcurementMethod.CompetitiveConsultation).PriceWeight.Should().Be(0.10m);
    }

    [Fact]
    public void A_price_weight_of_30_percent_is_accepted()
    {
        Schemes.WithPrice("30", ProcurementMethod.CompetitiveConsultation).PriceWeight.Should().Be(0.30m);
    }

    [Fact]
    public void A_price_weight_of_30_01_percent_is_refused()
    {
        var create = () => Schemes.WithPrice("30.01", ProcurementMethod.CompetitiveConsultation);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("price_weight_above_maximum");
        refusal.Args.Should().Equal(30.01m, 30m);
    }
}

public sealed class A_public_tenders_price_weight_is_at_least_10_percent_with_no_upper_bound
{
    [Fact]
    public void A_price_weight_of_9_99_percent_is_refused()
    {
        var create = () => Schemes.WithPrice("9.99", ProcurementMethod.PublicTender);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("price_weight_below_minimum");
    }

    [Fact]
    public void A_price_weight_of_10_percent_is_accepted()
    {
        Schemes.WithPrice("10", ProcurementMethod.PublicTender).PriceWeight.Should().Be(0.10m);
    }

    [Fact]
    public void A_price_weight_of_100_percent_is_accepted()
    {
        Schemes.WithPrice("100", ProcurementMethod.PublicTender).PriceWeight.Should().Be(1.00m);
    }
}

public sealed class An_evaluation_scheme_shares_out_exactly_100_points
{
    [Theory]
    [InlineData("19.99", "99.99")]
    [InlineData("20.01", "100.01")]
    public void Criteria_that_do_not_sum_to_100_are_refused(string otherPoints, string sum)
    {
        var create = () => Schemes.Of(
            new("Price", CriterionKind.Price, 30m),
            new("Service plan", CriterionKind.Technical, 50m),
            new("Local presence", CriterionKind.Other, Money.Parse(otherPoints)));

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("scheme_not_100");
        refusal.Args[0].Should().Be(Money.Parse(sum));
    }

    [Fact]
    public void Criteria_summing_to_exactly_100_are_accepted()
    {
        var scheme = Schemes.Of(
            new("Price", CriterionKind.Price, 30m),
            new("Service plan", CriterionKind.Technical, 50m),
            new("Past performance", CriterionKind.PastPerformance, 10.5m),
            new("Local presence", CriterionKind.Other, 9.5m));

        scheme.Criteria.Should().HaveCount(4);
        scheme.PriceCriterion!.Name.Should().Be("Price");
        scheme.PriceWeight.Should().Be(0.30m);
    }

    [Fact]
    public void An_empty_fixed_price_scheme_is_refused_for_not_sharing_out_100_points()
    {
        var create = () => EvaluationScheme.Create([], fixedPrice: true, ProcurementMethod.PublicTender, ProcurementMethodRules.Default);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("scheme_not_100");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("0.001")]
    public void A_criterion_must_be_worth_more_than_zero_points_with_at_most_two_decimals(string points)
    {
        var create = () => Schemes.Of(new("Price", CriterionKind.Price, 30m), new("Plan", CriterionKind.Technical, Money.Parse(points)));

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("criterion_points_invalid");
        refusal.Field.Should().Be("evaluationScheme.criteria[1].maxPoints");
    }

    [Fact]
    public void A_criterion_worth_one_hundredth_of_a_point_is_accepted()
    {
        Schemes.Of(new("Price", CriterionKind.Price, 99.99m), new("Plan", CriterionKind.Technical, 0.01m)).Criteria[1].MaxPoints.Should().Be(0.01m);
    }

    [Fact]
    public void A_criterion_needs_a_name()
    {
        var create = () => Schemes.Of(new("Price", CriterionKind.Price, 30m), new("  ", CriterionKind.Technical, 70m));

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("criterion_name_required");
    }

    [Fact]
    public void Two_criteria_may_not_share_a_name_whatever_the_case_and_spacing()
    {
        var create = () => Schemes.Of(
            new("Price", CriterionKind.Price, 30m),
            new("Service plan", CriterionKind.Technical, 40m),
            new(" service PLAN ", CriterionKind.Other, 30m));

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("criterion_name_duplicate");
        refusal.Field.Should().Be("evaluationScheme.criteria[2].name");
    }

    [Fact]
    public void A_scheme_has_at_most_one_price_criterion()
    {
        var create = () => Schemes.Of(
            new("Price", CriterionKind.Price, 20m),
            new("Unit price", CriterionKind.Price, 10m),
            new("Service plan", CriterionKind.Technical, 70m));

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("price_criterion_duplicate");
    }

    [Fact]
    public void Schemes_with_the_same_criteria_are_equal()
    {
        Schemes.WithPrice("30", ProcurementMethod.PublicTender).Should().Be(Schemes.WithPrice("30", ProcurementMethod.PublicTender));
        Schemes.WithPrice("30", ProcurementMethod.PublicTender).Should().NotBe(Schemes.WithPrice("40", ProcurementMethod.PublicTender));
    }

    [Fact]
    public void A_single_source_procurement_takes_no_scheme()
    {
        var create = () => Schemes.WithPrice("30", ProcurementMethod.SingleSource);

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("method_not_scored");
    }
}

public sealed class A_fixed_price_tender_scores_no_price_and_takes_only_the_ceiling
{
    [Fact]
    public void A_fixed_price_scheme_without_a_price_criterion_is_accepted_with_no_price_weight()
    {
        var scheme = EvaluationScheme.Create(
            [new EvaluationCriterion("Service plan", CriterionKind.Technical, 70m), new EvaluationCriterion("Past performance", CriterionKind.PastPerformance, 30m)],
            fixedPrice: true, ProcurementMethod.CompetitiveConsultation, ProcurementMethodRules.Default);

        scheme.FixedPrice.Should().BeTrue();
        scheme.PriceCriterion.Should().BeNull();
        scheme.PriceWeight.Should().Be(0m);
    }

    [Fact]
    public void A_fixed_price_scheme_with_a_price_criterion_is_refused()
    {
        var create = () => EvaluationScheme.Create(
            [new EvaluationCriterion("Price", CriterionKind.Price, 30m), new EvaluationCriterion("Service plan", CriterionKind.Technical, 70m)],
            fixedPrice: true, ProcurementMethod.PublicTender, ProcurementMethodRules.Default);

        var refusal = create.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("fixed_price_scores_price");
        refusal.Field.Should().Be("evaluationScheme.fixedPrice");
    }

    [Fact]
    public void A_scheme_that_is_not_fixed_price_needs_a_price_criterion()
    {
        var create = () => Schemes.Of(new EvaluationCriterion("Service plan", CriterionKind.Technical, 100m));

        create.Should().Throw<RuleViolationException>().Which.Code.Should().Be("price_criterion_missing");
    }
}
