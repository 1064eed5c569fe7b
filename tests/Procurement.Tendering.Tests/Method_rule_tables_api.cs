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
/// Issue 16 item 2: the procurement-method numbers as data per region and year. The administrator keeps tables; a tender
/// uses the table in force for its program's region when it is published, and keeps it.
/// </summary>
public sealed class Method_rule_tables_api : IAsyncLifetime
{
    private static readonly Guid PurchasingUnit = Guid.NewGuid();
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHosts.StartAsync(new TestSettings { TestHarness = true }, "tendering", TenderingModule.Module);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static DateOnly Today => DateTimeOffset.UtcNow.ShanghaiDate();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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

    /// <summary>The built-in table as a body for a new one, with <paramref name="change"/> applied to its methods (by name).</summary>
    private async Task<JsonObject> TableBodyAsync(string region, DateOnly from, Action<Dictionary<string, JsonObject>>? change = null)
    {
        var defaults = await Client(Roles.Admin).GetAsync("/api/tenders/method-rules/tables/defaults");
        defaults.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await defaults.Content.ReadAsStringAsync())!.AsObject();
        var methods = body["methods"]!.AsArray().Select(m => m!.AsObject()).ToDictionary(m => m["method"]!.GetValue<string>());
        change?.Invoke(methods);
        body["region"] = region;
        body["effectiveFrom"] = Day(from);
        body["note"] = "财办库〔2026〕1号";
        return body;
    }

    private async Task<HttpResponseMessage> AddTableAsync(JsonObject body, string role = Roles.Admin) =>
        await Client(role).PostAsJsonAsync("/api/tenders/method-rules/tables", body);

    private async Task<JsonElement> InForceAsync(string? region = null, DateOnly? on = null)
    {
        var query = new List<string>();
        if (region is not null)
        {
            query.Add("region=" + Uri.EscapeDataString(region));
        }

        if (on is { } day)
        {
            query.Add("on=" + Day(day));
        }

        var response = await Client(Roles.Purchaser).GetAsync("/api/tenders/method-rules" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await JsonAsync(response);
    }

    private static JsonElement Method(JsonElement rules, string method) =>
        rules.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("method").GetString() == method);

    private static void AdoptAllowance(Dictionary<string, JsonObject> methods) =>
        methods["CompetitiveConsultation"]["regionAdoptsAllowance"] = true;

    private async Task<Guid> ProgramAsync(string region)
    {
        var response = await Client(Roles.Purchaser).PostAsJsonAsync(
            "/api/programs", new { name = "Home care", region, serviceDomain = "Elderly", activeFrom = "2026-01-01" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    /// <summary>A complete consultation (or <paramref name="method"/>) drafted for a program in <paramref name="region"/>, bids due in <paramref name="days"/> days.</summary>
    private async Task<Guid> DraftAsync(string region, string method = "CompetitiveConsultation", int days = 12)
    {
        var programId = await ProgramAsync(region);
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(3);
        var body = JsonNode.Parse(JsonSerializer.Serialize(TenderBodies.Complete(programId, DateTimeOffset.UtcNow.AddDays(days), method)))!.AsObject();
        body["serviceStart"] = Day(start);
        body["serviceEnd"] = Day(start.AddYears(1).AddDays(-1));
        var created = await Client(Roles.Purchaser).PostAsJsonAsync("/api/tenders", body);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private async Task<HttpResponseMessage> PublishAsync(Guid tender) =>
        await Client(Roles.Purchaser).PostAsync($"/api/tenders/{tender}/publish", null);

    private async Task<TenderPublished> PublishedEventAsync(Guid tender) =>
        (await _host.Services.PublishedAsync<TenderPublished>()).Should().ContainSingle(e => e.TenderId == tender).Subject;

    [Fact]
    public async Task A_regions_table_holds_for_that_region_only_and_the_others_keep_the_built_in_numbers()
    {
        var created = await AddTableAsync(await TableBodyAsync("Hill County", Today, AdoptAllowance));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var table = await JsonAsync(created);
        table.GetProperty("rules").EnumerateArray().Single(m => m.GetProperty("method").GetString() == "CompetitiveConsultation")
            .GetProperty("validBidsNeeded").GetInt32().Should().Be(2, "the kept table says what a tender under it needs");

        var hill = await InForceAsync("Hill County");
        hill.GetProperty("tableId").GetGuid().Should().Be(table.GetProperty("id").GetGuid());
        Method(hill, "CompetitiveConsultation").GetProperty("validBidsNeeded").GetInt32().Should().Be(2);
        Method(hill, "PublicTender").GetProperty("validBidsNeeded").GetInt32().Should().Be(3, "the region adopted the allowance for consultations only");

        var elsewhere = await InForceAsync("Lake County");
        elsewhere.GetProperty("tableId").ValueKind.Should().Be(JsonValueKind.Null);
        Method(elsewhere, "CompetitiveConsultation").GetProperty("validBidsNeeded").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task A_table_from_tomorrow_does_not_hold_today_and_holds_from_tomorrow()
    {
        (await AddTableAsync(await TableBodyAsync("River County", Today.AddDays(1), AdoptAllowance))).StatusCode.Should().Be(HttpStatusCode.Created);

        Method(await InForceAsync("River County"), "CompetitiveConsultation").GetProperty("validBidsNeeded").GetInt32().Should().Be(3);
        Method(await InForceAsync("River County", Today.AddDays(1)), "CompetitiveConsultation").GetProperty("validBidsNeeded").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task A_table_for_every_region_holds_where_a_region_has_none_and_a_regions_own_table_comes_first()
    {
        var everywhere = await TableBodyAsync("", Today.AddDays(30), methods => methods["PublicTender"]["minimumBiddingDays"] = 25);
        (await AddTableAsync(everywhere)).StatusCode.Should().Be(HttpStatusCode.Created);
        var own = await TableBodyAsync("Pine County", Today.AddDays(30), methods => methods["PublicTender"]["minimumBiddingDays"] = 30);
        (await AddTableAsync(own)).StatusCode.Should().Be(HttpStatusCode.Created);

        var later = Today.AddDays(30);
        Method(await InForceAsync("Oak County", later), "PublicTender").GetProperty("minimumBiddingDays").GetInt32().Should().Be(25);
        Method(await InForceAsync("Pine County", later), "PublicTender").GetProperty("minimumBiddingDays").GetInt32().Should().Be(30);
        Method(await InForceAsync("Oak County", later.AddDays(-1)), "PublicTender").GetProperty("minimumBiddingDays").GetInt32().Should().Be(20);
    }

    [Fact]
    public async Task Yesterday_is_refused_as_a_first_day_and_today_is_taken()
    {
        var refused = await Client(Roles.Admin, "zh-CN").PostAsJsonAsync("/api/tenders/method-rules/tables", await TableBodyAsync("Elm County", Today.AddDays(-1)));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(refused)).GetProperty("errors").GetProperty("effectiveFrom").EnumerateArray().Should().ContainSingle()
            .Which.GetString().Should().Be($"起始日期不得早于 {Day(Today)}。", "the field is named by its label");

        (await AddTableAsync(await TableBodyAsync("Elm County", Today))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Only_the_administrator_keeps_tables_and_the_auditor_reads_who_set_them_when_and_why()
    {
        (await AddTableAsync(await TableBodyAsync("Ash County", Today), Roles.Purchaser)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await AddTableAsync(await TableBodyAsync("Ash County", Today), Roles.Auditor)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var created = await JsonAsync(await AddTableAsync(await TableBodyAsync("Ash County", Today)));

        (await Client(Roles.Purchaser).GetAsync("/api/tenders/method-rules/tables")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var list = await Client(Roles.Auditor).GetAsync("/api/tenders/method-rules/tables");
        list.StatusCode.Should().Be(HttpStatusCode.OK);
        var kept = (await JsonAsync(list)).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid());
        kept.GetProperty("region").GetString().Should().Be("Ash County");
        kept.GetProperty("note").GetString().Should().Be("财办库〔2026〕1号");
        kept.GetProperty("recordedBy").GetGuid().Should().NotBeEmpty();
        kept.GetProperty("recordedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Numbers_that_break_a_rule_are_refused_each_by_its_field_in_chinese_and_english()
    {
        var body = await TableBodyAsync("Birch County", Today, methods =>
        {
            methods["CompetitiveConsultation"]["regionalMinimumValidBids"] = 3; // not below the minimum of 3
            methods["PublicTender"]["amendmentMarginDays"] = 21; // longer than the 20 bidding days
            methods["SingleSource"]["regionAdoptsAllowance"] = true; // no allowance to adopt
            methods["PublicTender"]["panelSteps"]![1]!["minimumMembers"] = 6; // even, where the size is odd
        });
        var index = body["methods"]!.AsArray().Select((m, i) => (Name: m!["method"]!.GetValue<string>(), i)).ToDictionary(p => p.Name, p => p.i);

        var english = await Client(Roles.Admin, "en").PostAsJsonAsync("/api/tenders/method-rules/tables", body);
        english.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await JsonAsync(english)).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo(
            $"methods[{index["CompetitiveConsultation"]}].regionalMinimumValidBids",
            $"methods[{index["PublicTender"]}].amendmentMarginDays",
            $"methods[{index["SingleSource"]}].regionAdoptsAllowance",
            $"methods[{index["PublicTender"]}].panelSteps[1].minimumMembers");
        errors.GetProperty($"methods[{index["PublicTender"]}].amendmentMarginDays")[0].GetString().Should().Contain("21").And.Contain("20");

        var chinese = await JsonAsync(await Client(Roles.Admin, "zh-CN").PostAsJsonAsync("/api/tenders/method-rules/tables", body));
        chinese.GetProperty("errors").GetProperty($"methods[{index["PublicTender"]}].panelSteps[1].minimumMembers")[0].GetString()
            .Should().Contain("单数").And.Contain("最少人数");
        chinese.GetProperty("errors").GetProperty($"methods[{index["PublicTender"]}].amendmentMarginDays")[0].GetString()
            .Should().StartWith($"采购方式第{index["PublicTender"] + 1}项的更正须留足天数");

        Method(await InForceAsync("Birch County"), "CompetitiveConsultation").GetProperty("regionalMinimumValidBids").GetInt32()
            .Should().Be(2, "nothing of a refused table is kept");
    }

    [Fact]
    public async Task A_table_without_a_method_is_refused_naming_the_method()
    {
        var body = await TableBodyAsync("Cedar County", Today);
        var methods = body["methods"]!.AsArray();
        methods.Remove(methods.Single(m => m!["method"]!.GetValue<string>() == "SingleSource"));

        var refused = await Client(Roles.Admin, "en").PostAsJsonAsync("/api/tenders/method-rules/tables", body);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(refused)).GetProperty("errors").GetProperty("methods")[0].GetString().Should().Contain("single source");
        var chinese = await Client(Roles.Admin, "zh-CN").PostAsJsonAsync("/api/tenders/method-rules/tables", body);
        (await JsonAsync(chinese)).GetProperty("errors").GetProperty("methods")[0].GetString()
            .Should().Be("表中缺少采购方式“单一来源”的参数；每种采购方式都须有一行。", "the method is named as people name it, not by its code");
    }

    [Fact]
    public async Task A_consultation_in_a_region_that_allows_two_valid_bids_tells_evaluation_two_and_one_elsewhere_three()
    {
        (await AddTableAsync(await TableBodyAsync("Willow County", Today, AdoptAllowance))).StatusCode.Should().Be(HttpStatusCode.Created);
        var allowed = await DraftAsync("Willow County");
        var elsewhere = await DraftAsync("Maple County");

        (await PublishAsync(allowed)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PublishAsync(elsewhere)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await PublishedEventAsync(allowed)).Rules.MinimumValidBids.Should().Be(2);
        (await PublishedEventAsync(elsewhere)).Rules.MinimumValidBids.Should().Be(3);
    }

    [Fact]
    public async Task A_regions_longer_bidding_period_refuses_a_deadline_the_built_in_table_would_take()
    {
        (await AddTableAsync(await TableBodyAsync("Poplar County", Today, methods => methods["PublicTender"]["minimumBiddingDays"] = 30)))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await PublishAsync(await DraftAsync("Poplar County", "PublicTender", days: 25));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await JsonAsync(refused)).GetProperty("rule").GetString().Should().Be("bid_period_too_short");

        (await PublishAsync(await DraftAsync("Spruce County", "PublicTender", days: 25))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PublishAsync(await DraftAsync("Poplar County", "PublicTender", days: 31))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_published_tender_keeps_its_table_when_the_region_sets_new_numbers()
    {
        (await AddTableAsync(await TableBodyAsync("Yew County", Today, AdoptAllowance))).StatusCode.Should().Be(HttpStatusCode.Created);
        var tender = await DraftAsync("Yew County");
        (await PublishAsync(tender)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await AddTableAsync(await TableBodyAsync("Yew County", Today))).StatusCode.Should().Be(HttpStatusCode.Created, "a correction is a new table");
        Method(await InForceAsync("Yew County"), "CompetitiveConsultation").GetProperty("validBidsNeeded").GetInt32().Should().Be(3);

        var amended = await Client(Roles.Purchaser).PostAsJsonAsync(
            $"/api/tenders/{tender}/amendments", new { description = "更正：最高限价调整", budgetCeiling = 490000.00m });
        amended.StatusCode.Should().Be(HttpStatusCode.Created, await amended.Content.ReadAsStringAsync());

        (await _host.Services.PublishedAsync<TenderAmended>()).Should().ContainSingle(e => e.TenderId == tender)
            .Which.Rules.MinimumValidBids.Should().Be(2, "the tender was announced under the table that allowed two");
    }
}
