using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests;

/// <summary>单一来源 only for a direct renewal or with a written justification an auditor can read (DOMAIN.md §3).</summary>
public sealed class Single_source_justification
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ProcurementMethodRules Rules = StandardContent.Rules;
    private static readonly ServiceProgram Program = ServiceProgram.Create(
        Guid.NewGuid(), "Community correction, Street X", "Demo District", ServiceDomain.CommunityCorrection, new DateOnly(2026, 1, 1), null, Now);

    private static Tender Draft(TenderContent content) =>
        Tender.Draft(Program, "Community correction 2027", 480_000m, Now.AddDays(15), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            content, Rules, Now);

    private static TenderContent SingleSource(string? justification = null, Guid? predecessor = null) =>
        StandardContent.For(ProcurementMethod.SingleSource) with { SingleSourceJustification = justification, PredecessorContractId = predecessor };

    [Fact]
    public void Without_a_justification_or_a_predecessor_contract_a_single_source_tender_is_not_published()
    {
        var tender = Draft(SingleSource());

        var publish = () => tender.Publish(Now, Rules, Program);

        var refusal = publish.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("single_source_justification_required");
        refusal.Field.Should().Be("singleSourceJustification");
        tender.Status.Should().Be(TenderStatus.Draft);
    }

    [Fact]
    public void A_blank_justification_is_no_justification()
    {
        var tender = Draft(SingleSource("   "));

        tender.SingleSourceJustification.Should().BeNull();
        var publish = () => tender.Publish(Now, Rules, Program);
        publish.Should().Throw<RuleViolationException>().Which.Code.Should().Be("single_source_justification_required");
    }

    [Fact]
    public void A_written_justification_is_kept_for_auditors_and_lets_it_be_published()
    {
        var tender = Draft(SingleSource("  Only licensed agency in the district.  "));

        tender.Publish(Now, Rules, Program);

        tender.Status.Should().Be(TenderStatus.Published);
        tender.SingleSourceJustification.Should().Be("Only licensed agency in the district.");
    }

    [Fact]
    public void A_direct_renewal_of_a_predecessor_contract_needs_no_justification()
    {
        var predecessor = Guid.NewGuid();
        var tender = Draft(SingleSource(predecessor: predecessor));

        tender.Publish(Now, Rules, Program);

        tender.Status.Should().Be(TenderStatus.Published);
        tender.PredecessorContractId.Should().Be(predecessor);
    }

    [Fact]
    public void Competitive_methods_need_no_justification()
    {
        var tender = Draft(StandardContent.For(ProcurementMethod.CompetitiveConsultation));

        tender.Publish(Now, Rules, Program);

        tender.Status.Should().Be(TenderStatus.Published);
    }

    [Fact]
    public void The_rule_has_an_english_and_a_chinese_text()
    {
        TenderingTexts.Register();

        ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("en"), "single_source_justification_required")
            .Should().Contain("direct renewal");
        ProblemMessages.Get(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), "single_source_justification_required")
            .Should().Contain("单一来源");
    }
}
