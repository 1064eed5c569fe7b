using Procurement.Disbursement.Domain;
using Procurement.Rules;
using Procurement.Rules.Refusals;

namespace Procurement.Disbursement.Tests;

public sealed class Instalment_flow
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 1);
    private static readonly Actor Agency = new("agency-user", IsTreasury: false);
    private static readonly Actor Purchaser = new("purchaser-user", IsTreasury: false);
    private static readonly Actor Treasurer = new("treasury-user", IsTreasury: true);
    private static readonly Actor OtherTreasurer = new("treasury-user-2", IsTreasury: true);

    private readonly ContractAccount _contract = ContractAccount.Activated(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1000.00m, new DateOnly(2027, 3, 1), new DateOnly(2028, 2, 29), 30, Now);

    private FundingPosition Funding(decimal available = 1_000_000m, int year = 2027, decimal engaged = 0m) => new(_contract.Amount, engaged, year, available);

    private Instalment Due(decimal amount = 300.00m)
    {
        var instalment = Instalment.Plan(_contract.ContractId, new PlannedInstalment(1, 30m, PaymentCondition.Activation, amount), 30);
        instalment.FallDue(Today);
        return instalment;
    }

    private Instalment Approved()
    {
        var instalment = Due();
        instalment.Request(Agency, Now);
        instalment.Approve(Purchaser, _contract, Funding(), Now);
        return instalment;
    }

    [Fact]
    public void A_due_instalment_must_be_paid_within_30_days_of_its_condition()
    {
        var instalment = Due();

        instalment.Status.Should().Be(InstalmentStatus.Due);
        instalment.DueOn.Should().Be(Today);
        instalment.PayBy.Should().Be(Today.AddDays(30));
    }

    [Fact]
    public void Paid_on_day_30_is_on_time_and_on_day_31_late()
    {
        var onTime = Approved();
        onTime.Release(Treasurer, _contract, Funding(), Now);
        onTime.ConfirmPaid(Treasurer, _contract, Now.AddDays(30), Today.AddDays(30));
        var late = Approved();
        late.Release(Treasurer, _contract, Funding(), Now);
        late.ConfirmPaid(Treasurer, _contract, Now.AddDays(31), Today.AddDays(31));

        (onTime.DaysFromDue(Today.AddDays(40)), onTime.IsLate(Today.AddDays(40))).Should().Be((30, false));
        (late.DaysFromDue(Today.AddDays(40)), late.IsLate(Today.AddDays(40))).Should().Be((31, true));
    }

    [Fact]
    public void An_unpaid_instalment_is_flagged_overdue_on_day_31_not_day_30_and_only_once()
    {
        var instalment = Due();

        instalment.FlagOverdue(Today.AddDays(30), Now).Should().BeFalse("day 30 is the pay-by day");
        instalment.IsLate(Today.AddDays(30)).Should().BeFalse();
        instalment.FlagOverdue(Today.AddDays(31), Now).Should().BeTrue();
        instalment.FlagOverdue(Today.AddDays(32), Now).Should().BeFalse("it is flagged once");
        instalment.IsLate(Today.AddDays(31)).Should().BeTrue();
    }

    [Fact]
    public void A_bridge_instalment_is_paid_by_the_day_the_extension_starts_when_that_is_sooner()
    {
        var instalment = Instalment.Plan(_contract.ContractId, new PlannedInstalment(4, 25m, PaymentCondition.BridgeStart, 250m), 30);

        instalment.FallDue(Today, payBy: Today.AddDays(10));

        instalment.PayBy.Should().Be(Today.AddDays(10));
    }

    [Fact]
    public void A_bridge_agreed_after_its_start_is_still_due_from_the_day_it_was_agreed()
    {
        var instalment = Instalment.Plan(_contract.ContractId, new PlannedInstalment(4, 25m, PaymentCondition.BridgeStart, 250m), 30);

        instalment.FallDue(Today, payBy: Today.AddDays(-3));

        instalment.PayBy.Should().Be(Today);
    }

    [Fact]
    public void The_full_flow_moves_the_money_appropriation_to_commitment_to_payable_to_paid()
    {
        var instalment = Due();
        var lines = new List<LedgerLine>();

        lines.AddRange(instalment.Request(Agency, Now).Movements.SelectMany(m => m.Lines));
        lines.AddRange(instalment.Approve(Purchaser, _contract, Funding(), Now).Movements.SelectMany(m => m.Lines));
        lines.AddRange(instalment.Release(Treasurer, _contract, Funding(), Now).Movements.SelectMany(m => m.Lines));
        lines.AddRange(instalment.ConfirmPaid(OtherTreasurer, _contract, Now, Today).Movements.SelectMany(m => m.Lines));

        instalment.Status.Should().Be(InstalmentStatus.Paid);
        var balances = LedgerBalances.Of(lines);
        balances.TotalDebits.Should().Be(balances.TotalCredits);
        balances.Balance(Accounts.Appropriation(_contract.PurchasingUnitId, _contract.ProgramId, 2027)).Should().Be(-300.00m);
        balances.Balance(Accounts.Commitment(_contract.ContractId)).Should().Be(0m);
        balances.Balance(Accounts.Payable(_contract.AgencyId)).Should().Be(0m);
        balances.Balance(Accounts.Paid(_contract.AgencyId)).Should().Be(300.00m);
    }

    [Fact]
    public void The_approver_cannot_release()
    {
        var instalment = Approved();
        var approverWithTreasuryRole = Purchaser with { IsTreasury = true };

        var act = () => instalment.Release(approverWithTreasuryRole, _contract, Funding(), Now);

        act.Should().Throw<NotPermittedException>().Where(e => e.Code == DisbursementCodes.ReleaserIsApprover);
        instalment.Status.Should().Be(InstalmentStatus.Approved);
    }

    [Fact]
    public void The_requester_can_neither_approve_nor_release()
    {
        var instalment = Due();
        instalment.Request(Agency, Now);

        var approve = () => instalment.Approve(Agency, _contract, Funding(), Now);
        approve.Should().Throw<NotPermittedException>().Where(e => e.Code == DisbursementCodes.ApproverIsRequester);

        instalment.Approve(Purchaser, _contract, Funding(), Now);
        var release = () => instalment.Release(Agency with { IsTreasury = true }, _contract, Funding(), Now);
        release.Should().Throw<NotPermittedException>().Where(e => e.Code == DisbursementCodes.ReleaserIsRequester);
    }

    [Fact]
    public void Only_treasury_releases_and_confirms()
    {
        var instalment = Approved();

        var release = () => instalment.Release(new Actor("another-purchaser", false), _contract, Funding(), Now);
        release.Should().Throw<NotPermittedException>().Where(e => e.Code == DisbursementCodes.ReleaseNeedsTreasury);

        instalment.Release(Treasurer, _contract, Funding(), Now);
        var confirm = () => instalment.ConfirmPaid(Purchaser, _contract, Now, Today);
        confirm.Should().Throw<NotPermittedException>().Where(e => e.Code == DisbursementCodes.ConfirmNeedsTreasury);
    }

    [Fact]
    public void A_step_out_of_order_is_a_conflict_naming_the_allowed_states()
    {
        var instalment = Due();

        var act = () => instalment.Release(Treasurer, _contract, Funding(), Now);

        act.Should().Throw<ConflictException>().Where(e => e.Code == DisbursementCodes.WrongStatus
            && ((string[])e.Extensions["allowedFrom"]!).SequenceEqual(new[] { "Approved" }));
    }

    [Fact]
    public void A_rejected_request_can_be_requested_again_and_the_pay_by_day_does_not_move()
    {
        var instalment = Due();
        var payBy = instalment.PayBy;
        instalment.Request(Agency, Now);

        var rejected = instalment.Reject(Purchaser, "Invoice missing", _contract, Now);
        instalment.Request(Agency, Now.AddDays(2));

        rejected.To.Should().Be(InstalmentStatus.Rejected);
        rejected.Reason.Should().Be("Invoice missing");
        instalment.Status.Should().Be(InstalmentStatus.Requested);
        instalment.PayBy.Should().Be(payBy);
    }

    [Fact]
    public void Treasury_rejecting_an_approval_returns_the_commitment_to_the_appropriation()
    {
        var instalment = Approved();

        var change = instalment.Reject(Treasurer, "Bank details do not match", _contract, Now);

        change.Movements.Should().ContainSingle().Which.DebitLine.Account.Should().Be(Accounts.Appropriation(_contract.PurchasingUnitId, _contract.ProgramId, 2027));
        change.Movements[0].CreditLine.Account.Should().Be(Accounts.Commitment(_contract.ContractId));
    }

    [Fact]
    public void A_rejection_needs_a_reason()
    {
        var instalment = Due();
        instalment.Request(Agency, Now);

        var act = () => instalment.Reject(Purchaser, " ", _contract, Now);

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.ReasonRequired);
    }

    [Fact]
    public void A_withheld_instalment_never_due_becomes_due_on_the_day_the_purchaser_resumes_it()
    {
        var instalment = Instalment.Plan(_contract.ContractId, new PlannedInstalment(2, 40m, PaymentCondition.MidTermPassed, 400m), 30);
        instalment.Withhold("MidTerm performance evaluation graded Fail (55.00)", _contract, Now);

        var kept = instalment.DecideWithholding(resume: false, "Improvement plan not yet delivered", "purchaser-user", _contract, Today);
        kept.To.Should().Be(InstalmentStatus.Withheld);
        instalment.WithholdReason.Should().Be("Improvement plan not yet delivered");

        var resumed = instalment.DecideWithholding(resume: true, "Improvement plan delivered", "purchaser-user", _contract, Today.AddDays(5));
        resumed.To.Should().Be(InstalmentStatus.Due);
        instalment.DueOn.Should().Be(Today.AddDays(5));
        instalment.PayBy.Should().Be(Today.AddDays(35));
    }

    [Fact]
    public void Withholding_an_approved_instalment_returns_its_commitment()
    {
        var instalment = Approved();

        var change = instalment.Withhold("Final performance evaluation graded Fail (40.00)", _contract, Now);

        change.Movements.Should().ContainSingle().Which.DebitLine.Kind.Should().Be(MovementKind.Uncommit);
    }

    [Fact]
    public void A_release_in_a_new_fiscal_year_moves_the_commitment_to_that_years_appropriation()
    {
        var instalment = Approved();

        var change = instalment.Release(Treasurer, _contract, Funding(year: 2028, engaged: 300m), Now.AddYears(1));

        change.Movements.Select(m => (m.DebitLine.Kind, m.DebitLine.FiscalYear)).Should().Equal(
            (MovementKind.Uncommit, 2027), (MovementKind.Commit, 2028), (MovementKind.Release, 2028));
        instalment.FiscalYear.Should().Be(2028);
    }

    [Fact]
    public void A_release_in_a_new_fiscal_year_is_refused_when_that_year_has_no_appropriation_left()
    {
        var instalment = Approved();

        var act = () => instalment.Release(Treasurer, _contract, Funding(available: 299.99m, year: 2028, engaged: 300m), Now.AddYears(1));

        act.Should().Throw<RuleViolationException>().Where(e => e.Code == DisbursementCodes.AppropriationLimitExceeded);
        instalment.Status.Should().Be(InstalmentStatus.Approved);
        instalment.FiscalYear.Should().Be(2027);
    }

    [Fact]
    public void The_contract_ending_cancels_what_never_fell_due()
    {
        var instalment = Instalment.Plan(_contract.ContractId, new PlannedInstalment(3, 30m, PaymentCondition.FinalPassed, 300m), 30);

        instalment.Cancel("Terminated").To.Should().Be(InstalmentStatus.Cancelled);
        var act = () => instalment.FallDue(Today);
        act.Should().Throw<ConflictException>();
    }
}
