using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Time;
using Procurement.Testing;

namespace Procurement.Tendering.Tests;

/// <summary>
/// Issue 16 item 8: the pay scale (四岗十二档) as data per region and year. The administrator keeps scales of four posts by
/// three grades; a tender serving from a year in a region takes its pay floors from the scale in force, when drafted and
/// when published, and Bidding learns the floors with the tender.
/// </summary>
public sealed class Pay_scales_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static int ThisYear => DateTimeOffset.UtcNow.ShanghaiDate().Year;

    /// <summary>The year a tender drafted by <see cref="DraftAsync"/> serves (its service starts three months on).</summary>
    private static DateOnly ServiceStart
    {
        get
        {
            var today = DateTimeOffset.UtcNow.ShanghaiDate();
            return new DateOnly(today.Year, today.Month, 1).AddMonths(3);
        }
    }

    private HttpClient Client(string role, string? language = null)
    {
        var client = _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, role == Roles.Purchaser ? PurchasingUnit : Guid.NewGuid()));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A scale whose posts' lowest grades are 3000, 5000, 6000 and 8000 yuan a month, each grade 500 above the one below.</summary>
    private static JsonObject ScaleBody(string region, int year) => new()
    {
        ["region"] = region,
        ["year"] = year,
        ["note"] = "市民政局 社会工作者薪酬指导价位",
        ["posts"] = new JsonArray(
            Post("None", 3000.00m), Post("Assistant", 5000.00m), Post("Intermediate", 6000.00m), Post("Senior", 8000.00m)),
    };

    private static JsonObject Post(string post, decimal lowest) => new()
    {
        ["post"] = post,
        ["grades"] = new JsonArray(lowest, lowest + 500.00m, lowest + 1000.00m),
    };

    private async Task<HttpResponseMessage> AddScaleAsync(JsonObject body, string role = Roles.Admin, string? language = null) =>
        await Client(role, language).PostAsJsonAsync("/api/tenders/pay-scales", body);

    private async Task<Guid> ProgramAsync(string region)
    {
        var response = await Client(Roles.Purchaser).PostAsJsonAsync(
            "/api/programs", new { name = "Home care", region, serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A complete public tender for a program in <paramref name="region"/> serving from <see cref="ServiceStart"/>, with the pay
    /// floors <paramref name="floors"/> (level → monthly pay) beside a 60 % personnel share.
    /// </summary>
    private async Task<HttpResponseMessage> DraftAsync(string region, params (string Level, decimal Pay)[] floors)
    {
        var programId = await ProgramAsync(region);
        var body = JsonNode.Parse(JsonSerializer.Serialize(TenderBodies.Complete(programId, DateTimeOffset.UtcNow.AddDays(25))))!.AsObject();
        body["serviceStart"] = ServiceStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["serviceEnd"] = ServiceStart.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        body["personnelCost"] = new JsonObject
        {
            ["minimumPersonnelShare"] = 0.60m,
            ["payFloors"] = new JsonArray([.. floors.Select(f => (JsonNode)new JsonObject { ["level"] = f.Level, ["monthlyPay"] = f.Pay })]),
        };
        return await Client(Roles.Purchaser, "zh-CN").PostAsJsonAsync("/api/tenders", body);
    }

    private static Dictionary<string, decimal> Floors(JsonElement tender) =>
        tender.GetProperty("personnelCost").GetProperty("payFloors").EnumerateArray()
            .ToDictionary(f => f.GetProperty("level").GetString()!, f => f.GetProperty("monthlyPay").GetDecimal());

    [Fact]
    public async Task A_regions_scale_fills_a_drafts_missing_floors_keeps_a_higher_one_and_holds_for_that_region_only()
    {
        (await AddScaleAsync(ScaleBody("Hill County", ServiceStart.Year))).StatusCode.Should().Be(HttpStatusCode.Created);

        var drafted = await DraftAsync("Hill County", ("Intermediate", 6500.00m));
        drafted.StatusCode.Should().Be(HttpStatusCode.Created, await drafted.Content.ReadAsStringAsync());
        Floors(await JsonAsync(drafted)).Should().BeEquivalentTo(new Dictionary<string, decimal>
        {
            ["None"] = 3000.00m, ["Assistant"] = 5000.00m, ["Intermediate"] = 6500.00m, ["Senior"] = 8000.00m,
        }, "the scale's lowest grade for each post without a floor, and the purchaser's higher floor kept");

        var elsewhere = await DraftAsync("Lake County", ("Intermediate", 5500.00m));
        elsewhere.StatusCode.Should().Be(HttpStatusCode.Created);
        Floors(await JsonAsync(elsewhere)).Should().BeEquivalentTo(new Dictionary<string, decimal> { ["Intermediate"] = 5500.00m },
            "no scale was kept for that region: the floors are the purchaser's");
    }

    [Fact]
    public async Task A_floor_a_fen_below_the_scale_is_refused_by_its_field_and_one_at_the_scale_is_taken()
    {
        (await AddScaleAsync(ScaleBody("Pine County", ServiceStart.Year))).StatusCode.Should().Be(HttpStatusCode.Created);

        var below = await DraftAsync("Pine County", ("Intermediate", 6000.00m), ("Assistant", 4999.99m));
        below.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await JsonAsync(below);
        problem.GetProperty("rule").GetString().Should().Be("pay_floor_below_scale");
        problem.GetProperty("field").GetString().Should().Be("personnelCost.payFloors[1].monthlyPay");
        problem.GetProperty("detail").GetString().Should().Be(
            $"助理社会工作师的最低月薪（4999.99）低于本项目所在地区、服务年度（{ServiceStart.Year} 年）的薪酬指导标准，不得低于 5000.00。",
            "the post is named as people name it, not by its code");

        (await DraftAsync("Pine County", ("Intermediate", 6000.00m), ("Assistant", 5000.00m))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_scale_kept_after_the_draft_holds_at_publication_and_Bidding_learns_its_floors()
    {
        var drafted = await DraftAsync("River County", ("Intermediate", 6200.00m));
        drafted.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await JsonAsync(drafted)).GetProperty("id").GetGuid();
        (await AddScaleAsync(ScaleBody("River County", ServiceStart.Year))).StatusCode.Should().Be(HttpStatusCode.Created);

        var published = await Client(Roles.Purchaser).PostAsync($"/api/tenders/{id}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        Floors(await JsonAsync(published)).Should().HaveCount(4).And.Contain("Assistant", 5000.00m).And.Contain("Intermediate", 6200.00m);

        var announced = (await _host.Services.PublishedAsync<TenderPublished>()).Should().ContainSingle(e => e.TenderId == id).Subject;
        announced.PersonnelCost!.PayFloors.Should().BeEquivalentTo(new PayFloorTerms[]
        {
            new("None", 3000.00m), new("Assistant", 5000.00m), new("Intermediate", 6200.00m), new("Senior", 8000.00m),
        });
    }

    [Fact]
    public async Task A_draft_whose_floor_a_later_scale_raised_is_refused_at_publication()
    {
        var drafted = await DraftAsync("Elm County", ("Assistant", 4500.00m));
        drafted.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await JsonAsync(drafted)).GetProperty("id").GetGuid();
        (await AddScaleAsync(ScaleBody("Elm County", ServiceStart.Year))).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await Client(Roles.Purchaser).PostAsync($"/api/tenders/{id}/publish", null);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(refused)).GetProperty("rule").GetString().Should().Be("pay_floor_below_scale");
        (await _host.Services.PublishedAsync<TenderPublished>()).Should().NotContain(e => e.TenderId == id);
    }

    [Fact]
    public async Task A_regions_own_scale_comes_before_every_regions_and_a_scale_holds_for_its_year_only()
    {
        var everywhere = ScaleBody("", ServiceStart.Year);
        everywhere["posts"]![1]!["grades"] = new JsonArray(4800.00m, 5300.00m, 5800.00m);
        (await AddScaleAsync(everywhere)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await AddScaleAsync(ScaleBody("Oak County", ServiceStart.Year))).StatusCode.Should().Be(HttpStatusCode.Created);
        (await AddScaleAsync(ScaleBody("Ash County", ServiceStart.Year + 1))).StatusCode.Should().Be(HttpStatusCode.Created);

        Floors(await JsonAsync(await DraftAsync("Oak County")))["Assistant"].Should().Be(5000.00m, "the region's own scale");
        Floors(await JsonAsync(await DraftAsync("Birch County")))["Assistant"].Should().Be(4800.00m, "every region's scale");
        Floors(await JsonAsync(await DraftAsync("Ash County")))["Assistant"].Should().Be(4800.00m,
            "Ash County's own scale is for the year after the service starts; every region's holds for this one");

        var inForce = await Client(Roles.Purchaser).GetAsync($"/api/tenders/pay-scales?region=Ash%20County&year={ServiceStart.Year + 1}");
        inForce.StatusCode.Should().Be(HttpStatusCode.OK);
        (await JsonAsync(inForce)).GetProperty("floors").EnumerateArray()
            .Select(f => (f.GetProperty("level").GetString(), f.GetProperty("monthlyPay").GetDecimal()))
            .Should().Equal(("None", 3000.00m), ("Assistant", 5000.00m), ("Intermediate", 6000.00m), ("Senior", 8000.00m));
        (await Client(Roles.Purchaser).GetAsync($"/api/tenders/pay-scales?region=Ash%20County&year={ServiceStart.Year + 2}"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound, "no scale was kept for that year anywhere");
    }

    [Fact]
    public async Task Numbers_that_break_a_rule_are_refused_each_by_its_field_and_a_whole_scale_is_taken()
    {
        var body = ScaleBody("Birch County", ThisYear - 1);
        body["posts"]![0]!["grades"] = new JsonArray(3000.00m, 3000.00m, 3500.00m); // grade 2 not above grade 1
        body["posts"]![1]!["grades"] = new JsonArray(5000.00m, 5500.00m); // two grades
        body["posts"]![2]!["grades"] = new JsonArray(6000.001m, 6500.00m, 7000.00m); // a tenth of a fen
        body["posts"]!.AsArray().RemoveAt(3); // no senior post

        var refused = await AddScaleAsync(body, language: "zh-CN");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            "posts[0].grades[1]", "posts[1].grades", "posts[2].grades[0]", "posts", "year");
        errors.GetProperty("posts[0].grades[1]")[0].GetString().Should().Be("岗位第1项的各档月薪第2项为 3000.00：每一档须高于下一档（3000.00）。");
        errors.GetProperty("year")[0].GetString().Should().Be($"年度为 {ThisYear - 1}，须在 {ThisYear} 至 {ThisYear + 5} 之间。");

        var taken = await AddScaleAsync(ScaleBody("Birch County", ThisYear));
        taken.StatusCode.Should().Be(HttpStatusCode.Created, await taken.Content.ReadAsStringAsync());
        (await JsonAsync(taken)).GetProperty("content").GetProperty("posts").GetArrayLength().Should().Be(4);
    }

    [Fact]
    public async Task Only_the_administrator_keeps_scales_and_the_auditor_reads_who_set_them_when_and_why()
    {
        (await AddScaleAsync(ScaleBody("Ash County", ThisYear), Roles.Purchaser)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await AddScaleAsync(ScaleBody("Ash County", ThisYear), Roles.Auditor)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var created = await JsonAsync(await AddScaleAsync(ScaleBody("Ash County", ThisYear)));

        (await Client(Roles.Purchaser).GetAsync("/api/tenders/pay-scales/all")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var list = await Client(Roles.Auditor).GetAsync("/api/tenders/pay-scales/all");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        var kept = (await JsonAsync(list)).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
        kept.GetProperty("region").GetString().Should().Be("Ash County");
        kept.GetProperty("year").GetInt32().Should().Be(ThisYear);
        kept.GetProperty("note").GetString().Should().Be("市民政局 社会工作者薪酬指导价位");
        kept.GetProperty("recordedBy").GetGuid().Should().NotBeEmpty();
    }
}
