using System.Globalization;
using System.Reflection;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Tests.Bids;

public sealed class Bid_texts
{
    public static TheoryData<string> Codes { get; } = [.. typeof(BidCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)];

    public Bid_texts() => BidTexts.Register();

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_reads_in_english_and_in_chinese(string code)
    {
        object?[] args = ["a", "b", "c", "d", "e", "f"];

        var english = ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), code, args);
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), code, args);

        english.Should().NotStartWith(code + ":", "every code has its text, Bidding's own or the platform's (bidding_closed is shared with Tendering)");
        english.Should().NotBe(chinese);
        chinese.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}");
        english.Should().NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public void A_refusal_at_the_deadline_shows_it_in_beijing_time()
    {
        var chinese = ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), BidCodes.BiddingClosed, BidScenario.Deadline);

        chinese.Should().Contain("2026-12-20 09:00（北京时间）");
    }
}
