using Procurement.Contracting.Domain;
using static Procurement.Contracting.Tests.Contracts;

namespace Procurement.Contracting.Tests;

public sealed class Signing_and_activation
{
    [Fact]
    public void A_drafted_contract_carries_its_terms_as_version_1()
    {
        var contract = Drafted(Today, Today.AddYears(1).AddDays(-1));

        contract.State.Should().Be(ContractState.Draft);
        contract.TermsVersion.Should().Be(1);
        contract.Versions.Should().ContainSingle().Which.ReasonCode.Should().BeNull();
        contract.Kpis.Should().Equal(Kpis);
        contract.PaymentSchedule.Should().Equal(Schedule);
    }

    [Fact]
    public void A_contract_cannot_be_drafted_to_end_before_it_starts()
    {
        Broken(() => Drafted(Today, Today.AddDays(-1))).Code.Should().Be(ContractCodes.EndBeforeStart);
        Drafted(Today, Today).End.Should().Be(Today, "a one-day contract ends on its start");
    }

    [Fact]
    public void The_first_signature_issues_the_draft_for_signature()
    {
        var contract = Drafted(Today, Today.AddYears(1));

        contract.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.PendingSignature);
        contract.HasSigned(ContractParty.Agency).Should().BeTrue();
        contract.HasSigned(ContractParty.Purchaser).Should().BeFalse();
        contract.TriggersFor(ContractParty.Purchaser, Contracts.Rules, Now).Should().Contain(ContractTrigger.Sign);
        contract.TriggersFor(ContractParty.Agency, Contracts.Rules, Now).Should().NotContain(ContractTrigger.Sign);
    }

    [Fact]
    public void A_party_signs_once()
    {
        var contract = Drafted(Today, Today.AddYears(1));
        contract.Sign(ContractParty.Purchaser, Guid.NewGuid(), Contracts.Rules, Now);

        var refusal = Refused(() => contract.Sign(ContractParty.Purchaser, Guid.NewGuid(), Contracts.Rules, Now));

        refusal.Code.Should().Be(ContractCodes.AlreadySigned);
        refusal.Extensions["allowedTriggers"].Should().BeEquivalentTo(new[] { "Terminate" }, "the purchaser may still withdraw the draft");
    }

    [Fact]
    public void Once_both_have_signed_no_one_signs_again()
    {
        var contract = Signed(Today.AddDays(1), Today.AddYears(1));

        var refusal = Refused(() => contract.Sign(ContractParty.Agency, Guid.NewGuid(), Contracts.Rules, Now));

        refusal.Code.Should().Be(ContractCodes.TriggerNotAllowed);
        refusal.Extensions["unmetGuards"].Should().BeEquivalentTo(new[] { "a party has yet to sign" });
    }

    [Fact]
    public void An_organisation_is_a_party_only_to_its_own_contracts()
    {
        var contract = Drafted(Today, Today.AddYears(1));

        contract.PartyOf(Purchaser).Should().Be(ContractParty.Purchaser);
        contract.PartyOf(Agency).Should().Be(ContractParty.Agency);
        contract.PartyOf(Guid.NewGuid()).Should().BeNull();
        contract.TriggersFor(null, Contracts.Rules, Now).Should().BeEmpty("an auditor reads but fires nothing");
    }

    [Fact]
    public void A_contract_signed_by_both_activates_on_its_start_date()
    {
        var contract = Signed(Today, Today.AddYears(1));

        contract.Activate(Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.Active);
        contract.ActivatedAt.Should().Be(Now);
    }

    [Fact]
    public void A_contract_starting_tomorrow_does_not_activate_today()
    {
        var contract = Signed(Today.AddDays(1), Today.AddYears(1));

        var refusal = Refused(() => contract.Activate(Contracts.Rules, Now));

        refusal.Extensions["unmetGuards"].Should().BeEquivalentTo(new[] { "the start date has come" });
        contract.State.Should().Be(ContractState.PendingSignature);
        contract.Activate(Contracts.Rules, At(Today.AddDays(1)));
        contract.State.Should().Be(ContractState.Active);
    }

    [Fact]
    public void The_start_date_is_the_day_in_Shanghai()
    {
        var contract = Signed(Today.AddDays(1), Today.AddYears(1));

        // 16:00 UTC on the 25th is already 00:00 on the 26th in Shanghai.
        contract.Activate(Contracts.Rules, new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero));

        contract.State.Should().Be(ContractState.Active);
    }

    [Fact]
    public void A_contract_with_one_signature_does_not_activate()
    {
        var contract = Drafted(Today, Today.AddYears(1));
        contract.Sign(ContractParty.Purchaser, Guid.NewGuid(), Contracts.Rules, Now);

        var refusal = Refused(() => contract.Activate(Contracts.Rules, Now));

        refusal.Extensions["unmetGuards"].Should().BeEquivalentTo(new[] { "both parties have signed" });
        refusal.Extensions["allowedTriggers"].Should().BeEquivalentTo(new[] { "Sign", "Terminate" });
    }
}

public sealed class Renewal_window
{
    [Fact]
    public void The_window_opens_exactly_the_lead_time_before_the_end()
    {
        var contract = Active(Today.AddYears(-1), Today.AddDays(90));

        contract.EnterRenewalWindow(Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.Expiring);
    }

    [Fact]
    public void A_day_earlier_the_window_is_still_shut()
    {
        var contract = Active(Today.AddYears(-1), Today.AddDays(91));

        Refused(() => contract.EnterRenewalWindow(Contracts.Rules, Now)).Extensions["unmetGuards"]
            .Should().BeEquivalentTo(new[] { "the renewal lead time has been reached" });
    }

    [Fact]
    public void The_lead_time_is_a_number_in_the_rules()
    {
        var contract = Active(Today.AddYears(-1), Today.AddDays(91));

        contract.EnterRenewalWindow(Contracts.Rules with { RenewalLeadTimeDays = 91 }, Now);

        contract.State.Should().Be(ContractState.Expiring);
    }
}

public sealed class Amendments
{
    [Fact]
    public void An_amendment_is_a_new_version_with_its_reason_and_the_old_terms_stay_readable()
    {
        var contract = Active();

        contract.Amend(new ContractChange(AmendmentReasons.AmountChange, "More home visits", Amount: 130_000.00m), Today, Guid.NewGuid(), Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.Active);
        contract.Amount.Should().Be(130_000.00m);
        contract.TermsVersion.Should().Be(2);
        contract.Versions.Select(v => v.Amount).Should().Equal(120_000.00m, 130_000.00m);
        contract.Versions[1].ReasonCode.Should().Be(AmendmentReasons.AmountChange);
        contract.Versions[1].Text.Should().Be("More home visits");
    }

    [Fact]
    public void An_amendment_may_move_the_end_to_the_start_but_not_before()
    {
        var contract = Active();

        Broken(() => contract.Amend(new ContractChange(AmendmentReasons.Other, "Shorter", End: Today.AddDays(-1)), Today, null, Contracts.Rules, Now))
            .Code.Should().Be(ContractCodes.EndBeforeStart);
        contract.Amend(new ContractChange(AmendmentReasons.Other, "One day only", End: Today), Today, null, Contracts.Rules, Now);
        contract.End.Should().Be(Today);
    }

    [Fact]
    public void An_amendment_that_changes_nothing_is_refused()
    {
        var contract = Active();

        Broken(() => contract.Amend(new ContractChange(AmendmentReasons.Other, "Same", Amount: contract.Amount), Today, null, Contracts.Rules, Now))
            .Code.Should().Be(ContractCodes.AmendmentChangesNothing);
    }

    [Fact]
    public void A_draft_is_not_amended()
    {
        var contract = Drafted(Today, Today.AddYears(1));

        var refusal = Refused(() => contract.Amend(new ContractChange(AmendmentReasons.AmountChange, "Early", Amount: 1m), Today, null, Contracts.Rules, Now));

        refusal.Extensions["allowedTriggers"].Should().BeEquivalentTo(new[] { "Sign", "Terminate", "SetPaymentTerm" });
        refusal.Extensions["state"].Should().Be("Draft");
    }

    [Fact]
    public void A_later_end_stays_within_the_consecutive_cap()
    {
        var contract = Active();
        var capEnd = Today.AddMonths(36).AddDays(-1);

        Broken(() => contract.Amend(new ContractChange(AmendmentReasons.DurationExtension, "Too long", End: capEnd.AddDays(1)), Today, null, Contracts.Rules, Now))
            .Code.Should().Be(ContractCodes.ConsecutiveCapExceeded);
        contract.Amend(new ContractChange(AmendmentReasons.DurationExtension, "To the cap", End: capEnd), Today, null, Contracts.Rules, Now);
        contract.End.Should().Be(capEnd);
    }
}

public sealed class Bridge_extensions
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 12, 31);

    [Fact]
    public void Three_months_at_the_same_monthly_rate()
    {
        var contract = Active(Start, End, 100_000.00m);

        contract.ExtendBridge(3, null, Start, Guid.NewGuid(), Contracts.Rules, Now);

        // 100000 / 12 = 8333.333… → 8333.33 a month, half away from zero; three months add 24999.99.
        contract.Amount.Should().Be(124_999.99m);
        contract.End.Should().Be(new DateOnly(2027, 3, 31));
        contract.State.Should().Be(ContractState.Active);
        var version = contract.Versions[^1];
        version.ReasonCode.Should().Be(AmendmentReasons.DurationExtension);
        version.BridgeMonths.Should().Be(3);
    }

    [Fact]
    public void Four_months_are_refused()
    {
        var contract = Active(Start, End, 100_000.00m);

        var broken = Broken(() => contract.ExtendBridge(4, null, Start, null, Contracts.Rules, Now));

        broken.Code.Should().Be(ContractCodes.BridgeMonthsOutOfRange);
        contract.End.Should().Be(End);
        contract.TermsVersion.Should().Be(1);
    }

    [Fact]
    public void Zero_months_are_refused()
    {
        var contract = Active(Start, End);

        Broken(() => contract.ExtendBridge(0, null, Start, null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.BridgeMonthsOutOfRange);
    }

    [Fact]
    public void A_bridge_may_reach_the_cap_exactly_but_not_pass_it()
    {
        // The run with this agency began 33 months before this contract's end + 1 day: 3 more months reach 36 exactly.
        var since = new DateOnly(2024, 4, 1);
        var reaching = Active(Start, End);
        reaching.ExtendBridge(3, null, since, null, Contracts.Rules, Now);
        reaching.End.Should().Be(new DateOnly(2027, 3, 31));

        var passing = Active(Start, End);
        Broken(() => passing.ExtendBridge(3, null, since.AddDays(-1), null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.ConsecutiveCapExceeded);
    }

    [Fact]
    public void A_bridge_is_not_for_a_suspended_contract()
    {
        var contract = Active(Start, End);
        contract.Suspend("Audit", null, Contracts.Rules, Now);

        Refused(() => contract.ExtendBridge(1, null, Start, null, Contracts.Rules, Now)).Extensions["allowedTriggers"]
            .Should().BeEquivalentTo(new[] { "Amend", "Resume", "Terminate" });
    }

    [Theory]
    [InlineData("2027-01-01", "2027-12-31", "12")]
    [InlineData("2027-01-01", "2027-01-15", "0.5")]
    [InlineData("2027-01-31", "2027-02-26", "0.9")]
    [InlineData("2027-01-31", "2027-02-27", "1")]
    [InlineData("2027-07-01", "2028-06-30", "12")]
    public void A_period_counts_its_whole_months_and_the_days_left_over_as_thirtieths(string start, string end, string months) =>
        Contracts.Rules.PeriodMonths(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(decimal.Parse(months, System.Globalization.CultureInfo.InvariantCulture));
}

public sealed class Suspension_termination_and_completion
{
    [Fact]
    public void A_suspension_needs_a_reason_and_resumes_to_active()
    {
        var contract = Active();

        Broken(() => contract.Suspend(" ", null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.ReasonRequired);
        contract.Suspend("Premises closed for repair", null, Contracts.Rules, Now);
        contract.State.Should().Be(ContractState.Suspended);
        contract.SuspensionReason.Should().Be("Premises closed for repair");

        contract.Resume(null, Contracts.Rules, Now);
        contract.State.Should().Be(ContractState.Active);
        contract.SuspensionReason.Should().BeNull();
    }

    [Fact]
    public void A_termination_needs_a_reason_and_records_the_amount_paid()
    {
        var contract = Active(amount: 120_000.00m);

        Broken(() => contract.Terminate("", 0m, null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.ReasonRequired);
        contract.Terminate("The agency lost its registration", 36_000.00m, null, Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.Terminated);
        contract.TerminationReason.Should().Be("The agency lost its registration");
        contract.AmountPaid.Should().Be(36_000.00m);
        contract.EndedAt.Should().Be(Now);
    }

    [Fact]
    public void The_amount_paid_may_be_all_of_the_amount_but_not_more()
    {
        Active(amount: 120_000.00m).Terminate("Done early", 120_000.00m, null, Contracts.Rules, Now);
        Broken(() => Active(amount: 120_000.00m).Terminate("Overpaid", 120_000.01m, null, Contracts.Rules, Now))
            .Code.Should().Be(ContractCodes.AmountPaidAboveAmount);
    }

    [Fact]
    public void Completion_needs_a_passing_final_evaluation()
    {
        var contract = Active();

        Refused(() => contract.Complete(null, Contracts.Rules, Now)).Extensions["unmetGuards"]
            .Should().BeEquivalentTo(new[] { "a passing final performance evaluation" });

        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.MidTerm, 92m, "Excellent", true, Now);
        Refused(() => contract.Complete(null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.TriggerNotAllowed, "a mid-term grade is not the final one");

        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 59.99m, "Fail", false, Now);
        Refused(() => contract.Complete(null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.TriggerNotAllowed, "a failing final grade does not complete");

        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 60m, "Pass", true, Now.AddDays(1));
        contract.Complete(null, Contracts.Rules, Now.AddDays(1));
        contract.State.Should().Be(ContractState.Completed);
    }

    [Fact]
    public void The_latest_final_evaluation_counts()
    {
        var contract = Active();
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 85m, "Good", true, Now);
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 40m, "Fail", false, Now.AddDays(1));
        contract.RecordEvaluation(Guid.NewGuid(), ContractEvaluation.Final, 95m, "Excellent", true, Now.AddDays(-1));

        contract.FinalEvaluationPassed.Should().BeFalse("the re-evaluation a day later failed; an older one arriving late changes nothing");
    }

    [Fact]
    public void Every_trigger_fired_is_one_history_entry()
    {
        var contract = Active();
        contract.Suspend("Audit", Guid.NewGuid(), Contracts.Rules, Now);
        contract.Resume(null, Contracts.Rules, Now);

        contract.Activities.Select(a => a.Trigger).Should().Equal(
            null, ContractTrigger.Sign, ContractTrigger.Sign, ContractTrigger.Activate, ContractTrigger.Suspend, ContractTrigger.Resume);
        contract.Activities[4].Reason.Should().Be("Audit");
        contract.Activities[3].ActorId.Should().BeNull("the clock activates");
    }
}

public sealed class Renewals
{
    [Fact]
    public void A_renewal_drafts_the_successor_from_the_day_after_the_end_with_the_same_parties_terms_and_bid()
    {
        var contract = Active(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        contract.EnterRenewalWindow(Contracts.Rules, Now);

        var successor = contract.Renew(new DateOnly(2027, 12, 31), 126_000.00m, contract.Start, Guid.NewGuid(), Contracts.Rules, Now);

        contract.State.Should().Be(ContractState.Renewed);
        contract.SuccessorId.Should().Be(successor.Id);
        successor.PredecessorId.Should().Be(contract.Id);
        successor.State.Should().Be(ContractState.Draft);
        successor.Start.Should().Be(new DateOnly(2027, 1, 1));
        successor.End.Should().Be(new DateOnly(2027, 12, 31));
        successor.Amount.Should().Be(126_000.00m);
        successor.Kpis.Should().Equal(contract.Kpis);
        successor.PaymentSchedule.Should().Equal(contract.PaymentSchedule);
        successor.BidId.Should().Be(contract.BidId);
        successor.AgencyId.Should().Be(contract.AgencyId);
        successor.PurchasingUnitId.Should().Be(contract.PurchasingUnitId);
        successor.TenderId.Should().BeNull("a direct renewal has no tender");
    }

    [Fact]
    public void Only_an_expiring_contract_is_renewed()
    {
        var contract = Active();

        Refused(() => contract.Renew(Today.AddYears(2), 1m, Today, null, Contracts.Rules, Now)).Extensions["allowedTriggers"]
            .Should().BeEquivalentTo(new[] { "Amend", "ExtendBridge", "Suspend", "Terminate" });
    }

    [Fact]
    public void A_successor_may_end_on_the_last_day_of_the_36th_month_but_not_a_day_later()
    {
        var first = Active(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        first.EnterRenewalWindow(Contracts.Rules, At(new DateOnly(2025, 11, 1)));
        var second = first.Renew(new DateOnly(2026, 12, 31), 120_000.00m, first.Start, null, Contracts.Rules, Now);
        second.Sign(ContractParty.Purchaser, null, Contracts.Rules, Now);
        second.Sign(ContractParty.Agency, null, Contracts.Rules, Now);
        second.Activate(Contracts.Rules, At(second.Start));
        second.EnterRenewalWindow(Contracts.Rules, At(new DateOnly(2026, 11, 1)));
        var contracts = new Dictionary<Guid, Contract> { [first.Id] = first, [second.Id] = second };
        var since = ContractChain.ConsecutiveSince(second, contracts.GetValueOrDefault);
        since.Should().Be(new DateOnly(2025, 1, 1));

        Broken(() => second.Renew(new DateOnly(2028, 1, 1), 120_000.00m, since, null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.ConsecutiveCapExceeded);
        var third = second.Renew(new DateOnly(2027, 12, 31), 120_000.00m, since, null, Contracts.Rules, Now);
        third.End.Should().Be(new DateOnly(2027, 12, 31));
    }

    [Fact]
    public void The_run_restarts_with_another_agency_or_after_a_gap()
    {
        var first = Drafted(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var otherAgency = Drafted(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), agency: Guid.NewGuid(), predecessor: first.Id);
        var afterGap = Drafted(new DateOnly(2026, 1, 2), new DateOnly(2026, 12, 31), predecessor: first.Id);
        var contiguous = Drafted(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), predecessor: first.Id);
        var contracts = new Dictionary<Guid, Contract> { [first.Id] = first };

        ContractChain.ConsecutiveSince(otherAgency, contracts.GetValueOrDefault).Should().Be(otherAgency.Start);
        ContractChain.ConsecutiveSince(afterGap, contracts.GetValueOrDefault).Should().Be(afterGap.Start);
        ContractChain.ConsecutiveSince(contiguous, contracts.GetValueOrDefault).Should().Be(first.Start);
    }

    [Fact]
    public void A_successor_cannot_end_before_it_starts()
    {
        var contract = Active(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        contract.EnterRenewalWindow(Contracts.Rules, Now);

        Broken(() => contract.Renew(new DateOnly(2026, 12, 31), 1m, contract.Start, null, Contracts.Rules, Now)).Code.Should().Be(ContractCodes.EndBeforeStart);
        contract.Renew(new DateOnly(2027, 1, 1), 1m, contract.Start, null, Contracts.Rules, Now).End.Should().Be(new DateOnly(2027, 1, 1));
    }
}
