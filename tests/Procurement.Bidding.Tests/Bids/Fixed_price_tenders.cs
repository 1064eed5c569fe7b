using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>DOMAIN.md §3: in a fixed-price tender (price not scored) every bid's price is the budget ceiling, to the fen.</summary>
public sealed class A_fixed_price_tender_takes_only_bids_at_its_ceiling
{
    private readonly BidScenario _s = new();

    public A_fixed_price_tender_takes_only_bids_at_its_ceiling() => BidTexts.Register();

    [Fact]
    public void A_bid_at_the_fixed_price_passes()
    {
        var validated = BidRules.Validate(AtPrice(500_000.00m), FixedPriceTerms(), _s.AgencyId, _s.Roster, FteCommitments.None);

        validated.Content.Price.Should().Be(500_000.00m);
    }

    [Theory]
    [InlineData("499999.99")]
    [InlineData("500000.01")]
    [InlineData("480000.00")]
    public void A_bid_a_fen_off_the_fixed_price_is_refused_on_the_price_field(string price)
    {
        var amount = decimal.Parse(price, CultureInfo.InvariantCulture);

        var validate = () => BidRules.Validate(AtPrice(amount), FixedPriceTerms(), _s.AgencyId, _s.Roster, FteCommitments.None);

        var refusal = validate.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be(BidCodes.FixedPriceNotCeiling);
        refusal.Field.Should().Be("price");
        refusal.Args.Should().Equal(amount, 500_000.00m);
    }

    [Fact]
    public void A_tender_that_scores_price_still_takes_any_price_up_to_its_ceiling()
    {
        _s.Terms.FixedPrice.Should().BeFalse();

        _s.Validate(AtPrice(480_000.00m)).Content.Price.Should().Be(480_000.00m);
        _s.Validate(AtPrice(500_000.00m)).Content.Price.Should().Be(500_000.00m);
    }

    [Fact]
    public void The_refusal_names_both_amounts_in_english_and_chinese()
    {
        var validate = () => BidRules.Validate(AtPrice(499_999.99m), FixedPriceTerms(), _s.AgencyId, _s.Roster, FteCommitments.None);
        var refusal = validate.Should().Throw<RuleViolationException>().Which;

        ProblemMessages.Get(CultureInfo.GetCultureInfo("en"), refusal.Code, [.. refusal.Args])
            .Should().Be("This tender is fixed-price: the bid price 499999.99 CNY must equal the budget ceiling 500000.00 CNY.");
        ProblemMessages.Get(CultureInfo.GetCultureInfo("zh-CN"), refusal.Code, [.. refusal.Args])
            .Should().Be("本项目为固定价格：投标报价 499999.99 元必须等于最高限价 500000.00 元。");
    }

    /// <summary>The scenario's draft at another price, personnel taking up the difference so the breakdown still sums.</summary>
    private BidDraft AtPrice(decimal price) =>
        _s.Draft(price, new CostBreakdown(price - 180_000.00m, 120_000.00m, 40_000.00m, 20_000.00m));

    private BidTerms FixedPriceTerms()
    {
        var tender = OpenTender.Published(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Elderly care in Futian 2027 (fixed price)", 500_000.00m,
            BidScenario.Deadline, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), BidScenario.Before.AddDays(-20),
            OpenTenderTerms.None with { FixedPrice = true });
        return new BidTerms(tender, BidScenario.Staffing, BidScenario.PersonnelFirst);
    }
}

public sealed class Fixed_price_tenders_over_the_api : IAsyncLifetime
{
    private static readonly string[] People = ["440305199001011010", "440305199001011029", "440305199001011037"];
    private BidBed _bed = null!;
    private TenderPublished _fixed = null!;

    public async Task InitializeAsync()
    {
        _bed = await BidBed.StartAsync();
        var scored = _bed.NewTender("Community care in Nanshan 2027 (fixed price)");
        _fixed = scored with { Evaluation = new EvaluationTerms([new CriterionTerms("Plan", "Technical", 100m)], FixedPrice: true) };
        await _bed.SendAsync(_fixed);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_submission_at_the_fixed_price_is_created_and_a_fen_below_or_above_is_a_422_on_price()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);

        var below = await _bed.SubmitAsync(a, 479_999.99m, _fixed.TenderId);
        var above = await _bed.SubmitAsync(a, 480_000.01m, _fixed.TenderId);
        var at = await _bed.SubmitAsync(a, 480_000.00m, _fixed.TenderId);

        await ShouldBeFixedPriceRefusalAsync(below, "479999.99");
        await ShouldBeFixedPriceRefusalAsync(above, "480000.01");
        at.StatusCode.Should().Be(HttpStatusCode.Created, await at.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revision_off_the_fixed_price_is_refused_and_the_bid_stays_as_it_was()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);
        var created = await _bed.SubmitAsync(a, 480_000.00m, _fixed.TenderId);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bidId").GetGuid();

        var revised = await a.Client.PutAsJsonAsync($"/api/bids/{id}", new { content = BidBed.Content(a, 450_000.00m), version = 1 });

        await ShouldBeFixedPriceRefusalAsync(revised, "450000.00");
        var same = await a.Client.PutAsJsonAsync($"/api/bids/{id}", new { content = BidBed.Content(a, 480_000.00m), version = 1 });
        same.StatusCode.Should().Be(HttpStatusCode.OK, await same.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tender_that_scores_price_still_takes_a_price_under_its_ceiling()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);

        (await _bed.SubmitAsync(a, 479_999.99m)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_refusal_reads_in_chinese_too()
    {
        var a = await _bed.AgencyAsync(BidBed.CodeA, People);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/bids")
        {
            Content = JsonContent.Create(new { tenderId = _fixed.TenderId, content = BidBed.Content(a, 470_000.00m) }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var refused = await a.Client.SendAsync(request);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().Should().Be("price");
        problem.GetProperty("detail").GetString().Should().Be("本项目为固定价格：投标报价 470000.00 元必须等于最高限价 480000.00 元。");
    }

    private static async Task ShouldBeFixedPriceRefusalAsync(HttpResponseMessage response, string price)
    {
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rule").GetString().Should().Be(BidCodes.FixedPriceNotCeiling);
        problem.GetProperty("field").GetString().Should().Be("price");
        problem.GetProperty("detail").GetString().Should()
            .Be($"This tender is fixed-price: the bid price {price} CNY must equal the budget ceiling 480000.00 CNY.");
    }
}
