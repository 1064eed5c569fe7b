using System.Globalization;
using System.Reflection;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Performance.Domain;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Tests.Awards;

public sealed class Award_texts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static TheoryData<string> Codes()
    {
        var codes = new TheoryData<string>();
        foreach (var field in typeof(AwardCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(PerformanceCodes).GetFields(BindingFlags.Public | BindingFlags.Static)))
        {
            codes.Add((string)field.GetValue(null)!);
        }

        codes.Add("calendar_day_kind");
        return codes;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_problem_code_reads_in_english_and_in_chinese(string code)
    {
        AwardTexts.Register();
        PerformanceTexts.Register();
        object[] args = ["x", "y", "z"];
        var english = ProblemMessages.Get(English, code, args);
        var chinese = ProblemMessages.Get(Chinese, code, args);

        english.Should().NotStartWith(code, "a code without a text shows the code itself");
        chinese.Should().NotStartWith(code);
        chinese.Should().NotBe(english);
        chinese.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public void Statuses_are_named_in_chinese_in_the_chinese_texts()
    {
        AwardTexts.Register();
        ProblemMessages.Get(Chinese, AwardCodes.AwardNotRecommended, "Published", AwardTexts.Chinese(AwardStatus.Published))
            .Should().StartWith("该授标已公告");
    }
}
