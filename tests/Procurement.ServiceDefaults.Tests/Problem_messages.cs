using System.Globalization;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Problem_messages
{
    [Fact]
    public void Dates_instants_and_amounts_read_as_people_here_read_them()
    {
        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), "not_before", new DateOnly(2027, 1, 2), 480000m);
        english.Should().Be("2027-01-02 must not be before 480000.00.");

        // 09:00 UTC is 17:00 in Beijing.
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), "in_future", new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.Zero));
        chinese.Should().Be("2026-12-20 17:00（北京时间）必须晚于当前时间。");
    }

    [Fact]
    public void A_code_without_a_text_shows_the_code_and_its_values()
    {
        ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), "no_such_rule", 3).Should().Be("no_such_rule: 3");
    }

    [Theory]
    [InlineData("zh-CN", "serviceStart", "服务开始日期为必填项。")]
    [InlineData("en", "serviceStart", "Service start is required.")]
    [InlineData("en", "title", "Title is required.")]
    [InlineData("zh-CN", "contacts[0].phone", "联系人第1项的电话为必填项。")]
    [InlineData("en", "contacts[0].phone", "Phone of contacts item 1 is required.")]
    [InlineData("zh-CN", "eligibility[2]", "资格要求第3项为必填项。")]
    [InlineData("en", "personnelCost.payFloors[1].monthlyPay", "Monthly pay of pay floors item 2 is required.")]
    [InlineData("zh-CN", "somethingNew", "somethingNew 为必填项。")]
    [InlineData("en", "somethingNew", "somethingNew is required.")]
    [InlineData("en", "staff[1].hours", "staff[1].hours is required.")]
    public void A_field_is_named_by_its_label_in_the_readers_language(string culture, string path, string expected)
    {
        ProblemMessages.Get(CultureInfo.GetCultureInfo(culture), "required", new FieldName(path)).Should().Be(expected);
    }

    [Fact]
    public void A_validation_problem_keeps_the_path_as_its_key_and_names_the_field_by_its_label()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var problem = (Microsoft.AspNetCore.Http.HttpValidationProblemDetails)ProblemDetailsExtensions.ToProblemDetails(
                new RequestValidationException([new FieldError("budgetCeiling", "two_decimals", ["budgetCeiling"])]));
            problem.Errors.Should().ContainKey("budgetCeiling")
                .WhoseValue.Should().Equal("预算上限最多保留两位小数（人民币元）。");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
