using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>The delay families: their percentiles agree with their draws, and the cap clips at the percentile.</summary>
public sealed class DelayDistributionTests
{
    [Theory]
    [InlineData("lognormal:median=7,sigma=0.8")]
    [InlineData("gamma:shape=2,scale=4")]
    [InlineData("gamma:shape=0.5,scale=10")]
    [InlineData("exponential:mean=9")]
    public void About_95_in_100_draws_fall_below_the_95th_percentile(string spec)
    {
        var distribution = DelayDistribution.Parse("--delay", spec);
        var p95 = distribution.Quantile(95);
        var draws = Draws.For(seed: 7, program: 0, DrawPurpose.ProcurementStep, ordinal: 0);

        var below = Enumerable.Range(0, 20_000).Count(_ => distribution.Sample(draws) <= p95);

        ((double)below / 20_000).Should().BeApproximately(0.95, 0.006, spec);
    }

    [Fact]
    public void The_percentiles_are_the_known_closed_forms()
    {
        DelayDistribution.Parse("--delay", "lognormal:median=10,sigma=0.8").Quantile(95).Should().BeApproximately(10 * Math.Exp(0.8 * 1.6448536), 1e-6);
        DelayDistribution.Parse("--delay", "exponential:mean=10").Quantile(95).Should().BeApproximately(10 * Math.Log(20), 1e-9);
        DelayDistribution.Parse("--delay", "gamma:shape=1,scale=10").Quantile(95).Should().BeApproximately(10 * Math.Log(20), 1e-6, "gamma of shape 1 is exponential");
        DelayDistribution.Parse("--delay", "fixed:days=4").Quantile(95).Should().Be(4);
        DelayDistribution.Parse("--delay", "lognormal:median=1,sigma=1").Quantile(50).Should().BeApproximately(1, 1e-9);
        DelayDistribution.Parse("--delay", "lognormal:median=1,sigma=1").Quantile(97.5).Should().BeApproximately(Math.Exp(1.959964), 1e-5);
    }

    [Fact]
    public void A_capped_draw_never_exceeds_the_percentile_rounded_to_whole_days()
    {
        var distribution = DelayDistribution.Parse("--delay", "lognormal:median=7,sigma=0.8");
        var cap = distribution.Quantile(95);
        var draws = Draws.For(seed: 7, program: 3, DrawPurpose.ProcurementStep, ordinal: 1);

        var days = Enumerable.Range(0, 5_000).Select(_ => distribution.Days(draws, cap)).ToList();

        days.Max().Should().Be((int)Math.Round(cap, MidpointRounding.AwayFromZero), "some draws lie beyond the percentile and are clipped to it");
        days.Min().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public void Draws_are_keyed_so_the_same_key_repeats_and_another_key_differs()
    {
        var a = Draws.For(7, 12, DrawPurpose.Grade, 3).NextUniform();
        var again = Draws.For(7, 12, DrawPurpose.Grade, 3).NextUniform();
        var otherProgram = Draws.For(7, 13, DrawPurpose.Grade, 3).NextUniform();
        var otherPurpose = Draws.For(7, 12, DrawPurpose.TreasuryDelay, 3).NextUniform();

        again.Should().Be(a);
        otherProgram.Should().NotBe(a);
        otherPurpose.Should().NotBe(a);
    }

    [Fact]
    public void A_spec_reads_back_as_written()
    {
        DelayDistribution.Parse("--delay", "LogNormal: median = 7 , sigma=0.8").Spec.Should().Be("lognormal:median=7,sigma=0.8");
        DelayDistribution.Parse("--delay", "gamma:scale=4,shape=2").Spec.Should().Be("gamma:shape=2,scale=4");
    }
}
