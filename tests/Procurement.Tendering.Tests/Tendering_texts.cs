using System.Globalization;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Domain;

namespace Procurement.Tendering.Tests;

public sealed class Every_tendering_code_reads_in_English_and_Chinese
{
    public static TheoryData<string> EveryCode => [.. TenderingTexts.Texts.Keys];

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void The_code_has_a_text_in_each_language(string code)
    {
        TenderingTexts.Register();
        object?[] args = ["x", "y", "z"];

        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), code, args);
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), code, args);

        english.Should().NotBe(code).And.NotContain("{");
        chinese.Should().NotBe(code).And.NotContain("{").And.NotBe(english);
    }
}
