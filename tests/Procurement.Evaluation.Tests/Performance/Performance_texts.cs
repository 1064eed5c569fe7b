using System.Globalization;
using Procurement.Evaluation.Performance.Domain;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Tests.Performance;

public sealed class Performance_texts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Fact]
    public void Stages_are_named_in_chinese_in_the_chinese_texts()
    {
        PerformanceTexts.Register();
        ProblemMessages.Get(Chinese, PerformanceCodes.StageAlreadyEvaluated, "MidTerm", PerformanceTexts.Chinese(PerformanceStage.MidTerm))
            .Should().Be("本合同的中期评估已提交。");
        ProblemMessages.Get(English, PerformanceCodes.StageAlreadyEvaluated, "MidTerm", PerformanceTexts.Chinese(PerformanceStage.MidTerm))
            .Should().Be("The MidTerm evaluation of this contract has already been submitted.");
    }
}
