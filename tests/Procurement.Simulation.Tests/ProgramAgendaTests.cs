using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>Which programs the event-driven run steps on a day.</summary>
public sealed class ProgramAgendaTests
{
    private static readonly DateOnly First = new(2027, 1, 1);

    [Fact]
    public void A_program_is_due_on_the_day_it_was_last_scheduled_for_only()
    {
        var agenda = new ProgramAgenda(2, First, First.AddDays(30));
        agenda.Schedule(0, First.AddDays(3));
        agenda.Schedule(0, First.AddDays(5));
        agenda.Schedule(1, First.AddDays(5));

        Due(agenda, First.AddDays(3)).Should().BeEmpty();
        Due(agenda, First.AddDays(4)).Should().BeEmpty();
        Due(agenda, First.AddDays(5)).Should().Equal(0, 1);
    }

    [Fact]
    public void A_waiting_program_is_due_once_the_day_plus_the_learnt_lead_time_reaches_its_key()
    {
        var agenda = new ProgramAgenda(1, First, First.AddDays(30));
        agenda.AwaitRenewal(0, First.DayNumber + 100);

        // The learnt lead time moves from day to day; the day plus it reaches 91, 97, 99, then the key, 100 days on.
        agenda.Due(First.AddDays(1), () => 90).Should().BeEmpty();
        agenda.Due(First.AddDays(2), () => 95).Should().BeEmpty();
        agenda.Due(First.AddDays(3), () => 96).Should().BeEmpty();
        agenda.Due(First.AddDays(4), () => 96).Should().Equal(0);
        agenda.Due(First.AddDays(5), () => 200).Should().BeEmpty("it was taken off the queue when it became due");
    }

    [Fact]
    public void A_program_both_scheduled_and_at_its_renewal_point_is_stepped_once()
    {
        var agenda = new ProgramAgenda(1, First, First.AddDays(30));
        agenda.Schedule(0, First.AddDays(2));
        agenda.AwaitRenewal(0, First.AddDays(2).DayNumber);
        agenda.AwaitRenewal(0, First.AddDays(2).DayNumber);

        Due(agenda, First.AddDays(2)).Should().Equal(0);
    }

    [Fact]
    public void A_key_the_program_no_longer_waits_with_and_a_forgotten_program_are_not_due()
    {
        var agenda = new ProgramAgenda(2, First, First.AddDays(30));
        agenda.AwaitRenewal(0, First.AddDays(2).DayNumber);
        agenda.AwaitRenewal(0, null);
        agenda.AwaitRenewal(1, First.AddDays(2).DayNumber);
        agenda.Schedule(1, First.AddDays(2));
        agenda.Forget(1);

        Due(agenda, First.AddDays(2)).Should().BeEmpty();
    }

    private static IReadOnlyList<int> Due(ProgramAgenda agenda, DateOnly day) => [.. agenda.Due(day, () => 0)];
}
