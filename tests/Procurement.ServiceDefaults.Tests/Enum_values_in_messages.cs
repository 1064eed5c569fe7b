using System.Globalization;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>A message naming an enum value names it as people do, in their language; a value without a name keeps its code.</summary>
public sealed class Enum_values_in_messages
{
    private enum Post
    {
        Assistant,
        Unnamed,
    }

    static Enum_values_in_messages()
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
        {
            ["test_enum_value_named"] = ("The floor for {0} is {1}.", "{0}的最低月薪为 {1}。"),
        });
        ValueLabels.Add(new Dictionary<Post, (string En, string Zh)> { [Post.Assistant] = ("assistant social worker", "助理社会工作师") });
    }

    [Fact]
    public void A_named_value_reads_in_chinese_and_in_english()
    {
        ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), "test_enum_value_named", Post.Assistant, 5000m)
            .Should().Be("助理社会工作师的最低月薪为 5000.00。");
        ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), "test_enum_value_named", Post.Assistant, 5000m)
            .Should().Be("The floor for assistant social worker is 5000.00.");
    }

    [Fact]
    public void A_value_without_a_name_keeps_its_code()
    {
        ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), "test_enum_value_named", Post.Unnamed, 1m).Should().Be("Unnamed的最低月薪为 1.00。");
    }
}
