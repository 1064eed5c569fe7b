using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Contracts;

namespace Procurement.Portal.Tests.Contracts;

public sealed class The_amendment_form_offers_the_fields_its_reason_code_allows : ContractContext
{
    public The_amendment_form_offers_the_fields_its_reason_code_allows()
    {
        SignInAs("purchaser");
        Api.Contract = ContractData.View(ContractState.Active, [ContractTrigger.Amend]);
    }

    [Theory]
    [InlineData("durationExtension", false, true)]
    [InlineData("fiscalYearExtension", false, true)]
    [InlineData("amountChange", true, false)]
    [InlineData("scopeChange", true, true)]
    [InlineData("other", true, true)]
    [InlineData("", false, false)]
    public void Each_reason_code_shows_the_amount_and_the_end_only_where_it_allows_them(string code, bool amount, bool end)
    {
        var page = RenderContract();
        page.Find("[data-testid='action-Amend']").Click();

        page.Find("[data-testid='field-reason-code']").Change(code);

        page.FindAll("[data-testid='field-amount']").Should().HaveCount(amount ? 1 : 0);
        page.FindAll("[data-testid='field-end']").Should().HaveCount(end ? 1 : 0);
    }

    [Fact]
    public void The_reason_list_holds_the_five_codes_Contracting_accepts()
    {
        var page = RenderContract();
        page.Find("[data-testid='action-Amend']").Click();

        page.FindAll("[data-testid='field-reason-code'] option").Select(o => o.GetAttribute("value")).Where(v => v != "")
            .Should().Equal("durationExtension", "fiscalYearExtension", "amountChange", "scopeChange", "other");
    }

    [Fact]
    public void A_duration_extension_sends_the_new_end_with_its_reason_and_not_the_amount()
    {
        var page = RenderContract();
        page.Find("[data-testid='action-Amend']").Click();

        page.Find("[data-testid='field-reason-code']").Change("durationExtension");
        page.Find("[data-testid='field-end']").Change("2028-03-31");
        page.Find("[data-testid='field-text']").Change("延至下一财政年度初");
        page.Find("[data-testid='action-confirm']").Click();

        var sent = Api.Fired.Should().ContainSingle().Which.Body.Should().BeOfType<AmendContractRequest>().Subject;
        sent.ReasonCode.Should().Be("durationExtension");
        sent.End.Should().Be(new DateOnly(2028, 3, 31));
        sent.Amount.Should().BeNull("a duration extension does not change the amount");
        sent.Text.Should().Be("延至下一财政年度初");
    }

    [Fact]
    public void A_part_the_new_reason_hides_is_not_sent()
    {
        var draft = new AmendmentDraft { ReasonCode = "scopeChange", Amount = 1_000_000m, End = new DateOnly(2028, 1, 31), Text = "x" };
        draft.ReasonCode = AmendmentReasons.AmountChange;

        var request = draft.ToRequest();

        request.Amount.Should().Be(1_000_000m);
        request.End.Should().BeNull();
    }
}
