namespace Procurement.Simulation.Tests;

/// <summary>
/// Runs whose figures were recorded on 2026-12-05 from the simulator as it was before issue 17 item 7 (main at 98806ff:
/// every program stepped every day, gap days counted day by day with <c>CoverageTimeline.Days</c>), the Release build of
/// the Standalone host's <c>simulate</c>, and checked in here as expected values. The event-driven simulator keeps every
/// draw in the same order per policy, so it must give exactly these figures: the issue-7 run (500 programs × 5 years,
/// seed 7) with and without <c>--cap-percentile 95</c>, small runs of seeds 1 to 5, and runs with other distributions,
/// slow delays and ten years.
/// </summary>
public sealed class RecordedRunsTests
{
    [Theory]
    [InlineData(
        "--programs 500 --years 5 --seed 7",
        "gap/py=45.678 unfunded=500 late=98 gaps=114195 cash=793 paid=7000 renewals/tenders=0/2500 signed(late)=2000(2000) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.017 unfunded=9 late=107 gaps=43 cash=43 paid=7677 renewals/tenders=1544/955 signed(late)=2478(0) bridges=219 refused=1 lead=124 n=936")]
    [InlineData(
        "--programs 500 --years 5 --seed 7 --cap-percentile 95",
        "gap/py=43.073 unfunded=500 late=0 gaps=107683 cash=60 paid=7000 renewals/tenders=0/2500 signed(late)=2000(2000) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=7701 renewals/tenders=1545/955 signed(late)=2476(0) bridges=244 refused=0 lead=118 n=934")]
    [InlineData(
        "--programs 20 --years 3 --seed 1",
        "gap/py=39.717 unfunded=20 late=3 gaps=2383 cash=17 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.117 unfunded=2 late=3 gaps=7 cash=7 paid=186 renewals/tenders=40/20 signed(late)=60(0) bridges=6 refused=0 lead=119 n=20")]
    [InlineData(
        "--programs 20 --years 3 --seed 2",
        "gap/py=35.333 unfunded=20 late=2 gaps=2120 cash=12 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=2 gaps=0 cash=0 paid=184 renewals/tenders=36/24 signed(late)=59(0) bridges=6 refused=0 lead=119 n=23")]
    [InlineData(
        "--programs 20 --years 3 --seed 3",
        "gap/py=36.517 unfunded=20 late=0 gaps=2191 cash=10 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=186 renewals/tenders=35/25 signed(late)=59(0) bridges=7 refused=0 lead=123 n=24")]
    [InlineData(
        "--programs 20 --years 3 --seed 4",
        "gap/py=39.917 unfunded=20 late=3 gaps=2395 cash=36 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.233 unfunded=1 late=4 gaps=14 cash=14 paid=195 renewals/tenders=31/28 signed(late)=57(0) bridges=18 refused=0 lead=139 n=27")]
    [InlineData(
        "--programs 20 --years 3 --seed 5",
        "gap/py=36.367 unfunded=20 late=1 gaps=2182 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=2 gaps=0 cash=0 paid=187 renewals/tenders=33/27 signed(late)=60(0) bridges=8 refused=0 lead=132 n=27")]
    [InlineData(
        "--programs 20 --years 3 --seed 1 --cap-percentile 95",
        "gap/py=37.083 unfunded=20 late=0 gaps=2225 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=187 renewals/tenders=40/20 signed(late)=60(0) bridges=7 refused=0 lead=110 n=20")]
    [InlineData(
        "--programs 20 --years 3 --seed 2 --cap-percentile 95",
        "gap/py=34.150 unfunded=20 late=0 gaps=2049 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=184 renewals/tenders=36/24 signed(late)=59(0) bridges=6 refused=0 lead=114 n=23")]
    [InlineData(
        "--programs 20 --years 3 --seed 3 --cap-percentile 95",
        "gap/py=35.450 unfunded=20 late=0 gaps=2127 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=186 renewals/tenders=35/25 signed(late)=59(0) bridges=7 refused=0 lead=122 n=24")]
    [InlineData(
        "--programs 20 --years 3 --seed 4 --cap-percentile 95",
        "gap/py=35.950 unfunded=20 late=0 gaps=2157 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=192 renewals/tenders=35/25 signed(late)=58(0) bridges=14 refused=0 lead=123 n=23")]
    [InlineData(
        "--programs 20 --years 3 --seed 5 --cap-percentile 95",
        "gap/py=35.767 unfunded=20 late=0 gaps=2146 cash=0 paid=160 renewals/tenders=0/60 signed(late)=40(40) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=184 renewals/tenders=33/27 signed(late)=59(0) bridges=8 refused=0 lead=116 n=26")]
    [InlineData(
        "--programs 50 --years 7 --seed 11 --delay gamma:shape=2,scale=4",
        "gap/py=42.131 unfunded=50 late=12 gaps=14746 cash=16 paid=1000 renewals/tenders=0/350 signed(late)=300(300) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.023 unfunded=1 late=13 gaps=8 cash=8 paid=1071 renewals/tenders=207/143 signed(late)=349(0) bridges=26 refused=0 lead=117 n=142")]
    [InlineData(
        "--programs 30 --years 10 --seed -3 --delay exponential:mean=12 --payment-delay exponential:mean=15",
        "gap/py=64.207 unfunded=30 late=102 gaps=19262 cash=861 paid=870 renewals/tenders=0/300 signed(late)=270(270) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.827 unfunded=14 late=109 gaps=248 cash=248 paid=918 renewals/tenders=188/112 signed(late)=299(0) bridges=19 refused=1 lead=133 n=111")]
    [InlineData(
        "--programs 100 --years 8 --seed 5 --delay lognormal:median=15,sigma=1.0 --payment-delay lognormal:median=25,sigma=0.8",
        "gap/py=145.874 unfunded=100 late=851 gaps=116699 cash=20499 paid=2237 renewals/tenders=0/771 signed(late)=677(677) bridges=0 refused=0 lead=30 n=0",
        "gap/py=7.726 unfunded=96 late=1041 gaps=6181 cash=6181 paid=2688 renewals/tenders=74/701 signed(late)=724(0) bridges=435 refused=0 lead=232 n=650")]
    [InlineData(
        "--programs 200 --years 10 --seed 42",
        "gap/py=52.591 unfunded=200 late=67 gaps=105181 cash=903 paid=5800 renewals/tenders=0/2000 signed(late)=1800(1800) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.026 unfunded=10 late=74 gaps=52 cash=52 paid=6112 renewals/tenders=1186/814 signed(late)=1982(0) bridges=138 refused=1 lead=129 n=798")]
    [InlineData(
        "--programs 1 --years 2 --seed 7 --delay fixed:days=2 --payment-delay fixed:days=5",
        "gap/py=9.000 unfunded=1 late=0 gaps=18 cash=0 paid=5 renewals/tenders=0/2 signed(late)=1(1) bridges=0 refused=0 lead=30 n=0",
        "gap/py=0.000 unfunded=0 late=0 gaps=0 cash=0 paid=7 renewals/tenders=0/2 signed(late)=2(0) bridges=1 refused=0 lead=73 n=2")]
    public void A_run_gives_the_figures_the_day_by_day_simulator_recorded(string arguments, string baseline, string platform)
    {
        var report = ContinuitySimulation.Run(SimulationOptions.Parse(arguments.Split(' ')));

        RunFigures.Of(report.Baseline).Should().Be(baseline);
        RunFigures.Of(report.Platform).Should().Be(platform);
    }
}
