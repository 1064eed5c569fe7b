using System.Globalization;
using Procurement.ServiceDefaults.Problems;

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
        chinese.Should().Be("2026-12-20 17:00（北京时间） 必须晚于当前时间。");
    }

    [Fact]
    public void A_code_without_a_text_shows_the_code_and_its_values()
    {
        ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), "no_such_rule", 3).Should().Be("no_such_rule: 3");
    }
}
