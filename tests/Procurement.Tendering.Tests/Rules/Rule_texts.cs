using System.Globalization;
using System.Reflection;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Tests.Rules;

public sealed class Every_rule_code_reads_in_English_and_Chinese
{
    private static readonly string[] Codes = typeof(RuleCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    public static TheoryData<string> EveryCode => [.. Codes];

    [Fact]
    public void Codes_are_unique_and_every_text_belongs_to_a_code()
    {
        Codes.Should().OnlyHaveUniqueItems();
        RuleTexts.Texts.Keys.Should().BeEquivalentTo(Codes);
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void The_code_has_a_text_in_each_language_that_formats_its_arguments(string code)
    {
        RuleTexts.Register();
        object?[] args = [12.5m, 30m, 2m, "x", "y"];

        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), code, args);
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), code, args);

        english.Should().NotStartWith(code).And.NotContain("{");
        chinese.Should().NotStartWith(code).And.NotContain("{").And.NotBe(english);
    }

    [Fact]
    public void A_refusal_reads_with_its_own_arguments()
    {
        RuleTexts.Register();
        var refusal = Assert.Throws<RuleViolationException>(
            () => ProcurementMethodRules.Default[ProcurementMethod.PublicTender].CheckPanelSize(480_000m, 3));

        ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args])
            .Should().Be("A panel of 3 is too small: this tender needs at least 5 members.");
        ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), refusal.Code, [.. refusal.Args])
            .Should().Be("评审小组 3 人过少：本项目至少需要 5 人。");
    }
}
