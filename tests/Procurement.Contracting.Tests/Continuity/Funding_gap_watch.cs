using Procurement.Contracting.Continuity.Domain;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// <c>FundingGapOpened</c> / <c>FundingGapClosed</c> from coverage days (DOMAIN.md §2), hand-worked: a gap opens on its
/// first day (even while that day is still running) and closes once a funded day is over.
/// </summary>
public sealed class Funding_gap_watch
{
    private static readonly Guid Contract = Guid.NewGuid();
    private static readonly DateOnly Jan1 = new(2028, 1, 1);

    [Fact]
    public void An_uncovered_run_opens_on_its_first_day_and_closes_after_its_last()
    {
        // 12-30, 12-31 funded; 01-01..01-05 uncovered; 01-06 funded by the successor; today 01-07.
        var days = new[] { Funded(-2), Funded(-1), Uncovered(0), Uncovered(1), Uncovered(2), Uncovered(3), Uncovered(4), Funded(5) };

        var (state, changes) = FundingGapWatch.Judge(FundingGapState.Fresh, days, Funded(6));

        changes.Should().Equal(
            new FundingGapChange(true, Jan1, null, 0, "Uncovered", null),
            new FundingGapChange(false, Jan1, new DateOnly(2028, 1, 5), 5, null, null));
        (state.OpenSince, state.JudgedThrough).Should().Be(((DateOnly?)null, (DateOnly?)Jan1.AddDays(5)));
    }

    [Fact]
    public void A_gap_opens_on_the_day_it_begins_and_stays_open_across_passes_until_a_funded_day_is_over()
    {
        var (first, opened) = FundingGapWatch.Judge(FundingGapState.Fresh, [Funded(-1)], Uncovered(0));
        opened.Should().Equal(new FundingGapChange(true, Jan1, null, 0, "Uncovered", null));
        (first.OpenSince, first.JudgedThrough).Should().Be(((DateOnly?)Jan1, (DateOnly?)Jan1.AddDays(-1)));

        // The next day: 01-01 is over and was a gap; 01-02 is still a gap. Nothing new.
        var (second, none) = FundingGapWatch.Judge(first, [Uncovered(0)], Uncovered(1));
        none.Should().BeEmpty();

        // 01-03: the successor is active today — but 01-02 was a gap, and today is funded: closed with 2 gap days.
        var (third, closed) = FundingGapWatch.Judge(second, [Uncovered(1)], Funded(2));
        closed.Should().Equal(new FundingGapChange(false, Jan1, new DateOnly(2028, 1, 2), 2, null, null));
        third.OpenSince.Should().BeNull();

        // A later pass the same day, and the next day, raise nothing more.
        FundingGapWatch.Judge(third, [], Funded(2)).Changes.Should().BeEmpty();
        FundingGapWatch.Judge(third, [Funded(2)], Funded(3)).Changes.Should().BeEmpty();
    }

    [Fact]
    public void Cash_behind_and_suspension_are_causes_of_their_own()
    {
        var behind = new CoverageDay(Jan1, Contract, DayFunding.Active, CashPosition.Gap, 0m, 50_000.00m, 30_000.00m, false);
        var suspended = new CoverageDay(Jan1, Contract, DayFunding.Suspended, CashPosition.Ahead, 50_000.00m, 40_000.00m, 30_000.00m, false);

        (FundingGapWatch.CauseOf(behind), FundingGapWatch.CauseOf(suspended)).Should().Be(("CashBehind", "Suspended"));
        FundingGapWatch.Judge(FundingGapState.Fresh, [], behind).Changes.Should().Equal(new FundingGapChange(true, Jan1, null, 0, "CashBehind", Contract));
    }

    [Fact]
    public void A_gap_seen_on_a_running_day_that_ends_funded_closes_with_no_gap_day()
    {
        // 01-01 looked uncovered at 09:00; the successor was signed and activated that afternoon.
        var (open, _) = FundingGapWatch.Judge(FundingGapState.Fresh, [], Uncovered(0));

        var (_, changes) = FundingGapWatch.Judge(open, [Funded(0)], Funded(1));

        changes.Should().Equal(new FundingGapChange(false, Jan1, Jan1, 0, null, null));
    }

    [Fact]
    public void A_funded_running_day_does_not_close_a_gap_whose_last_day_is_that_day()
    {
        // Opened on 01-01 while running; a second pass the same day still sees it uncovered, then it turns funded: wait for the day to end.
        var (open, _) = FundingGapWatch.Judge(FundingGapState.Fresh, [], Uncovered(0));

        FundingGapWatch.Judge(open, [], Funded(0)).Changes.Should().BeEmpty();
    }

    private static CoverageDay Funded(int offset) =>
        new(Jan1.AddDays(offset), Contract, DayFunding.Active, CashPosition.Ahead, 60_000.00m, 10_000.00m, 18_000.00m, false);

    private static CoverageDay Uncovered(int offset) => new(Jan1.AddDays(offset), null, DayFunding.Uncovered, null, null, null, null, false);
}
