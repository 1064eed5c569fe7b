using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Payments;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Tests.Payments;

/// <summary>The buttons of an instalment are the steps the API would take from this person now, and none for an auditor.</summary>
public sealed class Payment_buttons_follow_the_role_and_the_state
{
    private static readonly Guid Unit = Guid.NewGuid();
    private static readonly Guid Agency = Guid.NewGuid();

    private static InstalmentResponse Instalment(string status, string? requestedBy = null, string? approvedBy = null) => new()
    {
        Id = Guid.NewGuid(), ContractId = Guid.NewGuid(), PurchasingUnitId = Unit, AgencyId = Agency, Sequence = 1, Amount = 30_000m,
        Status = status, Condition = "Activation", Currency = "CNY", RequestedBy = requestedBy, ApprovedBy = approvedBy,
    };

    private static PaymentCaller Caller(string role, Guid organisation, string id = "me") => new(id, organisation, new HashSet<string> { role });

    private static PaymentChoices For(string status, PaymentCaller caller, string? requestedBy = "agent", string? approvedBy = null) =>
        PaymentRules.For(Instalment(status, requestedBy, approvedBy), caller);

    [Theory]
    [InlineData("Due", new[] { PaymentAction.Request })]
    [InlineData("Rejected", new[] { PaymentAction.Request })]
    [InlineData("Scheduled", new PaymentAction[0])]
    [InlineData("Requested", new PaymentAction[0])]
    [InlineData("Paid", new PaymentAction[0])]
    public void The_agency_of_the_contract_requests_a_due_or_rejected_instalment(string status, PaymentAction[] actions) =>
        For(status, Caller(Roles.Agency, Agency)).Actions.Should().Equal(actions);

    [Fact]
    public void Another_agency_may_do_nothing() =>
        For("Due", Caller(Roles.Agency, Guid.NewGuid())).Should().Be(PaymentChoices.None);

    [Theory]
    [InlineData("Requested", new[] { PaymentAction.Approve, PaymentAction.Reject })]
    [InlineData("Withheld", new[] { PaymentAction.DecideWithholding })]
    [InlineData("Due", new PaymentAction[0])]
    [InlineData("Approved", new PaymentAction[0])]
    public void The_purchasing_unit_approves_or_rejects_a_request_and_decides_on_a_withheld_instalment(string status, PaymentAction[] actions) =>
        For(status, Caller(Roles.Purchaser, Unit)).Actions.Should().Equal(actions);

    [Fact]
    public void The_purchaser_who_requested_is_told_why_there_is_no_approval() =>
        For("Requested", Caller(Roles.Purchaser, Unit, "me"), requestedBy: "me").Should().Be(new PaymentChoices([], "ApproverIsRequester"));

    [Fact]
    public void Another_units_purchaser_may_do_nothing() =>
        For("Requested", Caller(Roles.Purchaser, Guid.NewGuid())).Actions.Should().BeEmpty();

    [Theory]
    [InlineData("Approved", new[] { PaymentAction.Release, PaymentAction.Reject })]
    [InlineData("Released", new[] { PaymentAction.Confirm })]
    [InlineData("Requested", new PaymentAction[0])]
    [InlineData("Paid", new PaymentAction[0])]
    public void Treasury_releases_an_approved_instalment_and_confirms_a_released_one(string status, PaymentAction[] actions) =>
        For(status, Caller(Roles.Treasury, Guid.NewGuid()), approvedBy: "approver").Actions.Should().Equal(actions);

    [Fact]
    public void The_treasury_officer_who_approved_may_not_release_and_is_told_so_in_words()
    {
        For("Approved", Caller(Roles.Treasury, Guid.NewGuid(), "me"), approvedBy: "me").Should().Be(new PaymentChoices([], "ReleaserIsApprover"));
        For("Approved", Caller(Roles.Treasury, Guid.NewGuid(), "me"), requestedBy: "me", approvedBy: "other").Should().Be(new PaymentChoices([], "ReleaserIsRequester"));
    }

    [Theory]
    [InlineData("Due")]
    [InlineData("Requested")]
    [InlineData("Withheld")]
    [InlineData("Approved")]
    [InlineData("Released")]
    public void An_auditor_has_no_action_whatever_else_they_hold(string status)
    {
        var auditor = new PaymentCaller("a", Unit, new HashSet<string> { Roles.Auditor, Roles.Treasury, Roles.Purchaser });
        For(status, auditor).Should().Be(PaymentChoices.None);
    }

    [Fact]
    public void An_idempotency_key_is_kept_until_its_step_succeeded_and_a_new_one_is_made_for_the_next_intended_step()
    {
        var keys = new IdempotencyKeys();
        var id = Guid.NewGuid();
        var first = keys.For(id, PaymentAction.Request);

        keys.For(id, PaymentAction.Request).Should().Be(first, "a second click or a retry is the same intended step");
        keys.For(id, PaymentAction.Release).Should().NotBe(first);
        keys.For(Guid.NewGuid(), PaymentAction.Request).Should().NotBe(first);
        keys.Succeeded(id, PaymentAction.Request);
        keys.For(id, PaymentAction.Request).Should().NotBe(first, "a request after a rejection is a new intended step");
    }

    [Fact]
    public void Days_late_run_from_the_pay_by_day_and_the_on_time_share_counts_paid_instalments_within_their_term()
    {
        var other = Guid.NewGuid();
        var overdue = Instalment("Requested");
        overdue.DueOn = new DateOnly(2027, 1, 1);
        overdue.PayBy = new DateOnly(2027, 1, 31);
        overdue.DaysFromDue = 45;
        overdue.Late = true;
        var paidLate = Instalment("Paid");
        (paidLate.DueOn, paidLate.PayBy, paidLate.DaysFromDue, paidLate.Late) = (new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), 40, true);
        var paidOnTime = Instalment("Paid");
        (paidOnTime.DueOn, paidOnTime.PayBy, paidOnTime.DaysFromDue) = (new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 2), 50);
        var elsewhere = Instalment("Paid");
        (elsewhere.PurchasingUnitId, elsewhere.DueOn, elsewhere.PayBy, elsewhere.DaysFromDue) = (other, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), 10);

        PaymentRules.Overdue([overdue, paidLate, paidOnTime, elsewhere]).Should().Equal((overdue, 15));
        PaymentRules.OnTime([overdue, paidLate, paidOnTime, elsewhere]).Should().Equal(
            new OnTimeFigure(Unit, 2, 1, 50.0m, 45.0m, 1),
            new OnTimeFigure(other, 1, 1, 100.0m, 10.0m, 0));
    }
}
