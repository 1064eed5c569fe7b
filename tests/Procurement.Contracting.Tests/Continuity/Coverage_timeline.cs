using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Domain;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests.Continuity;

/// <summary>
/// The coverage timeline and gap days of DOMAIN.md §2 on hand-worked examples, from real contracts driven through
/// their machine. Monthly rates: 60,000.00 over 2027-01-01..06-30 is 6 months → 10,000.00 a month; the advance is the
/// first instalment's 30 % → 18,000.00; accrual counts whole months plus leftover days as thirtieths.
/// </summary>
public sealed class Coverage_timeline
{
    private static readonly DateOnly Jan1 = new(2027, 1, 1);
    private static readonly DateOnly Jun30 = new(2027, 6, 30);

    [Fact]
    public void A_renewal_hands_over_from_predecessor_to_successor_without_a_gap_day()
    {
        var (predecessor, successor) = RenewedChain();
        var contracts = new[]
        {
            Coverage(predecessor, (Jan1, 60_000.00m)),
            Coverage(successor, (new DateOnly(2027, 7, 1), 60_000.00m)),
        };

        var days = CoverageTimeline.Days(contracts, Jan1, new DateOnly(2027, 9, 30), today: new DateOnly(2027, 9, 30), Contracts.Rules);

        // The predecessor went Active (01-01) → Expiring (04-01) → Renewed (05-01): all three fund its days to 06-30;
        // the successor, signed 05-10, was activated on its start 07-01. Both were paid in full on their first day.
        CoverageTimeline.Segments(days).Should().Equal(
            new CoverageSegment(Jan1, Jun30, 181, predecessor.Id, DayFunding.Active, CashPosition.Ahead, false, false, 60_000.00m, 60_000.00m, 18_000.00m),
            new CoverageSegment(new DateOnly(2027, 7, 1), new DateOnly(2027, 9, 30), 92, successor.Id, DayFunding.Active, CashPosition.Ahead, false, false,
                60_000.00m, 30_000.00m, 18_000.00m));
        days.Count(d => d.Gap).Should().Be(0);
    }

    [Fact]
    public void A_successor_starting_five_days_late_leaves_five_uncovered_gap_days()
    {
        var predecessor = Activated(Jan1, Jun30, 60_000.00m);
        var successor = Activated(new DateOnly(2027, 7, 6), new DateOnly(2027, 12, 31), 60_000.00m, agency: Guid.NewGuid());
        var contracts = new[] { Coverage(predecessor, (Jan1, 60_000.00m)), Coverage(successor, (new DateOnly(2027, 7, 6), 60_000.00m)) };

        var days = CoverageTimeline.Days(contracts, new DateOnly(2027, 6, 1), new DateOnly(2027, 7, 31), today: new DateOnly(2027, 7, 31), Contracts.Rules);

        // 06-30 is the predecessor's last day; 07-01, 02, 03, 04, 05 nobody's; 07-06 the successor's first.
        var segments = CoverageTimeline.Segments(days);
        segments.Select(s => (s.From, s.To, s.Days, s.ContractId, s.Funding, s.Gap)).Should().Equal(
            (new DateOnly(2027, 6, 1), Jun30, 30, (Guid?)predecessor.Id, DayFunding.Active, false),
            (new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 5), 5, (Guid?)null, DayFunding.Uncovered, true),
            (new DateOnly(2027, 7, 6), new DateOnly(2027, 7, 31), 26, (Guid?)successor.Id, DayFunding.Active, false));
        days.Count(d => d.Gap).Should().Be(5);
    }

    [Fact]
    public void A_successor_activated_after_its_start_date_leaves_not_active_gap_days()
    {
        var predecessor = Activated(Jan1, Jun30, 60_000.00m);
        var successor = Drafted(new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31), 60_000.00m);
        // Signed only on 07-04: the clock activates it that day, so 07-01..07-03 were not funded by an active contract.
        successor.Sign(ContractParty.Purchaser, null, Contracts.Rules, At(new DateOnly(2027, 7, 4)));
        successor.Sign(ContractParty.Agency, null, Contracts.Rules, At(new DateOnly(2027, 7, 4)));
        successor.Activate(Contracts.Rules, At(new DateOnly(2027, 7, 4)));
        var contracts = new[] { Coverage(predecessor, (Jan1, 60_000.00m)), Coverage(successor, (new DateOnly(2027, 7, 1), 60_000.00m)) };

        var days = CoverageTimeline.Days(contracts, Jun30, new DateOnly(2027, 7, 10), today: new DateOnly(2027, 7, 10), Contracts.Rules);

        CoverageTimeline.Segments(days).Select(s => (s.From, s.To, s.Funding, s.Gap)).Should().Equal(
            (Jun30, Jun30, DayFunding.Active, false),
            (new DateOnly(2027, 7, 1), new DateOnly(2027, 7, 3), DayFunding.NotActive, true),
            (new DateOnly(2027, 7, 4), new DateOnly(2027, 7, 10), DayFunding.Active, false));
    }

    [Fact]
    public void Cash_behind_accrual_by_more_than_the_advance_makes_gap_days()
    {
        // 120,000.00 over 2027: 10,000.00 a month; advance 30 % = 36,000.00. Nothing paid.
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);

        var days = CoverageTimeline.Days([Coverage(contract)], Jan1, new DateOnly(2027, 5, 31), today: new DateOnly(2027, 5, 31), Contracts.Rules);

        // 04-18: 3 whole months (to 03-31) + 18/30 = 3.6 months → 36,000.00 accrued; 0 ≥ 36,000.00 − 36,000.00 → behind, no gap.
        // 04-19: 3 + 19/30 = 3.6333… months → 36,333.33; 0 < 333.33 → a gap day. To 05-31: 12 + 31 = 43 gap days.
        var on18 = days.Single(d => d.Day == new DateOnly(2027, 4, 18));
        (on18.CostAccrued, on18.Cash, on18.Gap).Should().Be((36_000.00m, CashPosition.Behind, false));
        var on19 = days.Single(d => d.Day == new DateOnly(2027, 4, 19));
        (on19.CostAccrued, on19.Cash, on19.Gap).Should().Be((36_333.33m, CashPosition.Gap, true));
        CoverageTimeline.Segments(days).Select(s => (s.From, s.To, s.Days, s.Cash, s.Gap)).Should().Equal(
            (Jan1, new DateOnly(2027, 4, 18), 108, CashPosition.Behind, false),
            (new DateOnly(2027, 4, 19), new DateOnly(2027, 5, 31), 43, CashPosition.Gap, true));
    }

    [Fact]
    public void A_late_first_instalment_closes_the_cash_gap_on_the_day_it_is_paid()
    {
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);

        // The advance of 36,000.00 is paid on 04-25.
        var days = CoverageTimeline.Days(
            [Coverage(contract, (new DateOnly(2027, 4, 25), 36_000.00m))], Jan1, new DateOnly(2027, 5, 31), today: new DateOnly(2027, 5, 31), Contracts.Rules);

        // 04-19..04-24: 6 gap days. 04-25: 3 + 25/30 months → 38,333.33 accrued; 36,000.00 paid ≥ 2,333.33 → behind, no gap.
        // 05-31: 01-01..05-31 is 5 whole months → 50,000.00; 36,000.00 ≥ 14,000.00 → still behind.
        CoverageTimeline.Segments(days).Should().Equal(
            new CoverageSegment(Jan1, new DateOnly(2027, 4, 18), 108, contract.Id, DayFunding.Active, CashPosition.Behind, false, false, 0m, 36_000.00m, 36_000.00m),
            new CoverageSegment(new DateOnly(2027, 4, 19), new DateOnly(2027, 4, 24), 6, contract.Id, DayFunding.Active, CashPosition.Gap, true, false,
                0m, 38_000.00m, 36_000.00m),
            new CoverageSegment(new DateOnly(2027, 4, 25), new DateOnly(2027, 5, 31), 37, contract.Id, DayFunding.Active, CashPosition.Behind, false, false,
                36_000.00m, 50_000.00m, 36_000.00m));
    }

    [Fact]
    public void Cash_paid_ahead_of_accrual_is_ahead()
    {
        // 10,000.00 a month, 36,000.00 paid on the first day: ahead until accrual passes it.
        // 02-06: 1 month + 6/30 = 1.2 → 12,000.00 ≤ 36,000.00 … 04-18: 3.6 → 36,000.00, still ahead; 04-19: 36,333.33 → behind.
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);

        var days = CoverageTimeline.Days([Coverage(contract, (Jan1, 36_000.00m))], Jan1, new DateOnly(2027, 4, 30), today: new DateOnly(2027, 4, 30), Contracts.Rules);

        CoverageTimeline.Segments(days).Select(s => (s.From, s.To, s.Cash)).Should().Equal(
            (Jan1, new DateOnly(2027, 4, 18), CashPosition.Ahead),
            (new DateOnly(2027, 4, 19), new DateOnly(2027, 4, 30), CashPosition.Behind));
    }

    [Fact]
    public void Suspended_days_are_gap_days_and_resuming_ends_them()
    {
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);
        contract.Suspend("Staff shortage", null, Contracts.Rules, At(new DateOnly(2027, 3, 10)));
        contract.Resume(null, Contracts.Rules, At(new DateOnly(2027, 3, 15)));

        var days = CoverageTimeline.Days(
            [Coverage(contract, (Jan1, 120_000.00m))], new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 31), today: new DateOnly(2027, 3, 31), Contracts.Rules);

        // A day counts by the state at its end: 03-10..03-14 suspended (5 days); resumed on 03-15.
        CoverageTimeline.Segments(days).Select(s => (s.From, s.To, s.Funding, s.Gap)).Should().Equal(
            (new DateOnly(2027, 3, 1), new DateOnly(2027, 3, 9), DayFunding.Active, false),
            (new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 14), DayFunding.Suspended, true),
            (new DateOnly(2027, 3, 15), new DateOnly(2027, 3, 31), DayFunding.Active, false));
    }

    [Fact]
    public void Days_after_today_are_projected_from_the_current_states()
    {
        var current = Activated(Jan1, Jun30, 60_000.00m);
        // A successor both parties signed on 05-10, starting 07-01: projected active from its start.
        var successor = Drafted(new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31), 60_000.00m);
        successor.Sign(ContractParty.Purchaser, null, Contracts.Rules, At(new DateOnly(2027, 5, 10)));
        successor.Sign(ContractParty.Agency, null, Contracts.Rules, At(new DateOnly(2027, 5, 10)));
        // A draft nobody signed yet covers 2028 on paper only.
        var unsigned = Drafted(new DateOnly(2028, 1, 1), new DateOnly(2028, 12, 31), 120_000.00m);
        var contracts = new[]
        {
            Coverage(current, (Jan1, 60_000.00m)), Coverage(successor, (new DateOnly(2027, 7, 1), 60_000.00m)), Coverage(unsigned),
        };

        var days = CoverageTimeline.Days(contracts, new DateOnly(2027, 6, 1), new DateOnly(2028, 1, 3), today: new DateOnly(2027, 6, 15), Contracts.Rules);

        CoverageTimeline.Segments(days).Select(s => (s.From, s.To, s.Funding, s.Gap, s.Projected)).Should().Equal(
            (new DateOnly(2027, 6, 1), new DateOnly(2027, 6, 15), DayFunding.Active, false, false),
            (new DateOnly(2027, 6, 16), Jun30, DayFunding.Active, false, true),
            (new DateOnly(2027, 7, 1), new DateOnly(2027, 12, 31), DayFunding.Active, false, true),
            (new DateOnly(2028, 1, 1), new DateOnly(2028, 1, 3), DayFunding.NotActive, true, true));
    }

    [Fact]
    public void Gap_days_are_counted_per_program_year_up_to_today()
    {
        // 2027: a contract for the year, paid in full on its first day, suspended 03-10..03-14 → 5 gap days of 365.
        // 2028: the successor starts on 01-11 → 01-01..01-10 uncovered, 10 gap days; counted to today 2028-06-30:
        //       31 + 29 + 31 + 30 + 31 + 30 = 182 days (a leap year).
        var first = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);
        first.Suspend("Staff shortage", null, Contracts.Rules, At(new DateOnly(2027, 3, 10)));
        first.Resume(null, Contracts.Rules, At(new DateOnly(2027, 3, 15)));
        var second = Activated(new DateOnly(2028, 1, 11), new DateOnly(2028, 12, 31), 120_000.00m);
        var contracts = new[] { Coverage(first, (Jan1, 120_000.00m)), Coverage(second, (new DateOnly(2028, 1, 11), 120_000.00m)) };

        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(Jan1, null), today: new DateOnly(2028, 6, 30), Contracts.Rules).Should().Equal(
            new ProgramYearGaps(2027, 365, 5),
            new ProgramYearGaps(2028, 182, 10));

        // A span ending 2028-03-31 stops the count there: 31 + 29 + 31 = 91 days of 2028.
        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(Jan1, new DateOnly(2028, 3, 31)), today: new DateOnly(2028, 6, 30), Contracts.Rules).Should().Equal(
            new ProgramYearGaps(2027, 365, 5),
            new ProgramYearGaps(2028, 91, 10));

        // A span that begins after today counts nothing yet.
        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(new DateOnly(2029, 1, 1), null), today: new DateOnly(2028, 6, 30), Contracts.Rules).Should().BeEmpty();
    }

    [Fact]
    public void Days_of_the_span_before_the_first_contract_was_due_are_uncovered_but_no_gap_days()
    {
        // The program began 2026-12-20; its first contract starts 2027-01-01: 12 uncovered days in 2026, none a gap day
        // (issue 16 item 7: gap days count from the first day a contract was due to cover).
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 120_000.00m);
        var contracts = new[] { Coverage(contract, (Jan1, 120_000.00m)) };

        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(new DateOnly(2026, 12, 20), null), new DateOnly(2027, 1, 31), Contracts.Rules)
            .Should().Equal(new ProgramYearGaps(2026, 12, 0), new ProgramYearGaps(2027, 31, 0));
        CoverageTimeline.Segments(CoverageTimeline.Days(contracts, new DateOnly(2026, 12, 20), new DateOnly(2027, 1, 31), new DateOnly(2027, 1, 31), Contracts.Rules))
            .Select(s => (s.From, s.To, s.Funding, s.Gap)).Should().Equal(
                (new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 31), DayFunding.Uncovered, false),
                (Jan1, new DateOnly(2027, 1, 31), DayFunding.Active, false));
    }

    [Fact]
    public void A_program_created_today_with_its_first_contract_starting_in_30_days_has_no_gap_day_today()
    {
        // Created 2026-11-25 (its span starts today); the first contract, drafted and not signed, starts on 2026-12-25.
        var contract = Drafted(Today.AddDays(30), Today.AddDays(30).AddYears(1).AddDays(-1), 120_000.00m);
        var contracts = new[] { Coverage(contract) };

        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(Today, null), Today, Contracts.Rules).Should().Equal(new ProgramYearGaps(2026, 1, 0));
        CoverageTimeline.Days(contracts, Today, Today.AddDays(29), Today, Contracts.Rules).Should().OnlyContain(d => !d.Gap && !d.Due);
    }

    [Fact]
    public void A_program_without_any_contract_has_no_gap_day()
    {
        CoverageTimeline.FirstDueDay([]).Should().BeNull();
        CoverageTimeline.GapsPerYear([], new ProgramSpan(new DateOnly(2026, 1, 1), null), Today, Contracts.Rules)
            .Should().Equal(new ProgramYearGaps(2026, 329, 0));
    }

    [Fact]
    public void A_real_gap_between_two_contracts_still_counts_every_day()
    {
        // The span began 2026-12-01, a month before the first contract (not counted); the successor starts 2027-07-06,
        // so 07-01..07-05 are uncovered gap days — every one of them counted.
        var predecessor = Activated(Jan1, Jun30, 60_000.00m);
        var successor = Activated(new DateOnly(2027, 7, 6), new DateOnly(2027, 12, 31), 60_000.00m, agency: Guid.NewGuid());
        var contracts = new[] { Coverage(predecessor, (Jan1, 60_000.00m)), Coverage(successor, (new DateOnly(2027, 7, 6), 60_000.00m)) };

        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(new DateOnly(2026, 12, 1), null), new DateOnly(2027, 7, 31), Contracts.Rules)
            .Should().Equal(new ProgramYearGaps(2026, 31, 0), new ProgramYearGaps(2027, 212, 5));
    }

    [Fact]
    public void A_first_contract_that_started_late_counts_its_gap_from_the_day_it_was_due()
    {
        // The span began 2026-12-01; the first contract was due on 2027-01-01 but signed and activated only on 01-10:
        // 01-01..01-09 are 9 not-active gap days; December is before anything was due.
        var contract = Drafted(Jan1, Jun30, 60_000.00m);
        contract.Sign(ContractParty.Purchaser, null, Contracts.Rules, At(new DateOnly(2027, 1, 10)));
        contract.Sign(ContractParty.Agency, null, Contracts.Rules, At(new DateOnly(2027, 1, 10)));
        contract.Activate(Contracts.Rules, At(new DateOnly(2027, 1, 10)));
        var contracts = new[] { Coverage(contract, (new DateOnly(2027, 1, 10), 60_000.00m)) };

        CoverageTimeline.GapsPerYear(contracts, new ProgramSpan(new DateOnly(2026, 12, 1), null), new DateOnly(2027, 1, 31), Contracts.Rules)
            .Should().Equal(new ProgramYearGaps(2026, 31, 0), new ProgramYearGaps(2027, 31, 9));
        CoverageTimeline.FirstDueDay(contracts).Should().Be(Jan1);
    }

    [Fact]
    public void The_accrued_cost_never_exceeds_the_amount_whatever_the_rate_rounds_to()
    {
        // 200,000.00 over 2027: the rate 16,666.67 (rounded up) × 12 = 200,000.04. Advance 60,000.00 and mid-term 80,000.00
        // paid; on 12-31 the cost accrued is the amount, 200,000.00, and 140,000.00 paid is exactly cost − advance: behind, no gap.
        var contract = Activated(Jan1, new DateOnly(2027, 12, 31), 200_000.00m);
        var coverage = Coverage(contract, (Jan1, 60_000.00m), (new DateOnly(2027, 7, 1), 80_000.00m));

        var last = CoverageTimeline.Days([coverage], new DateOnly(2027, 12, 31), new DateOnly(2027, 12, 31), new DateOnly(2027, 12, 31), Contracts.Rules).Single();

        (last.CostAccrued, last.Cash, last.Gap).Should().Be((200_000.00m, CashPosition.Behind, false));
        coverage.AccruedBy(new DateOnly(2027, 12, 1), Contracts.Rules).Should().Be(183_888.93m, "16,666.67 × (11 + 1/30) = 183,888.93, under the amount");
        coverage.AccruedBy(new DateOnly(2027, 12, 30), Contracts.Rules).Should().Be(200_000.00m, "12 months (December's 30 days count as a month) would be 200,000.04");
    }

    private static Contract Activated(DateOnly start, DateOnly end, decimal amount, Guid? agency = null)
    {
        var contract = Drafted(start, end, amount, agency);
        contract.Sign(ContractParty.Purchaser, null, Contracts.Rules, Now);
        contract.Sign(ContractParty.Agency, null, Contracts.Rules, Now);
        contract.Activate(Contracts.Rules, At(start));
        return contract;
    }

    /// <summary>2027-01-01..06-30 at 60,000.00, renewed on 05-01 for 07-01..12-31 at 60,000.00; the successor signed on 05-10.</summary>
    private static (Contract Predecessor, Contract Successor) RenewedChain()
    {
        var predecessor = Activated(Jan1, Jun30, 60_000.00m);
        predecessor.EnterRenewalWindow(Contracts.Rules, At(new DateOnly(2027, 4, 1)));
        var successor = predecessor.Renew(new DateOnly(2027, 12, 31), 60_000.00m, Jan1, null, Contracts.Rules, At(new DateOnly(2027, 5, 1)));
        successor.Sign(ContractParty.Purchaser, null, Contracts.Rules, At(new DateOnly(2027, 5, 10)));
        successor.Sign(ContractParty.Agency, null, Contracts.Rules, At(new DateOnly(2027, 5, 10)));
        successor.Activate(Contracts.Rules, At(new DateOnly(2027, 7, 1)));
        predecessor.State.Should().Be(ContractState.Renewed);
        return (predecessor, successor);
    }

    private static CoverageContract Coverage(Contract contract, params (DateOnly PaidOn, decimal Amount)[] payments) =>
        CoverageContract.From(contract, payments.Select(p => new CoveragePayment(p.PaidOn, p.Amount)));
}
