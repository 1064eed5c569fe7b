using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>The purchaser's history the platform learns from.</summary>
public sealed class SimulationWorldTests
{
    [Fact]
    public void A_day_s_signings_join_the_history_at_its_end_and_the_history_stays_in_ascending_order()
    {
        var world = new SimulationWorld(SimulationOptions.Default, ContinuityPolicy.Platform);
        var day = new DateOnly(2028, 3, 1);
        world.RecordSigning(day.AddDays(-80), day.AddDays(-5), day);
        world.RecordSigning(null, day.AddDays(-12), day);
        world.ProcurementHistory.Should().BeEmpty("the day has not ended");
        world.LeadTime.Days.Should().Be(90, "the default, without history");

        world.EndDay();
        world.RecordSigning(day.AddDays(-120), day.AddDays(-3), day.AddDays(1));
        world.RecordSigning(day.AddDays(-40), day.AddDays(-30), day.AddDays(1));
        world.RecordSigning(day.AddDays(-95), day.AddDays(-1), day.AddDays(1));
        world.EndDay();
        world.EndDay();

        world.ProcurementHistory.Should().Equal(41, 80, 96, 121);
        world.SigningHistory.Should().Equal(2, 4, 5, 12, 31);
        world.LeadTime.Days.Should().Be(121 + 30, "the 90th percentile (nearest rank) of four durations is the largest, plus 30 days");
    }
}
