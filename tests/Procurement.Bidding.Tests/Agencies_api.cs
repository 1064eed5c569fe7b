using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests;

public sealed class Agencies_api : IAsyncLifetime
{
    private readonly Guid _agencyId = Guid.NewGuid();
    private BiddingApi _api = null!;

    public async Task InitializeAsync() => _api = await BiddingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task An_agency_registers_its_profile_and_reads_it_back()
    {
        var client = _api.Client(Roles.Agency, _agencyId);

        var created = await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(" 52440305mjl100017g "));
        created.StatusCode.Should().Be(HttpStatusCode.Created);

        var agency = await Json(await client.GetAsync("/api/agencies/me"));
        agency.GetProperty("id").GetGuid().Should().Be(_agencyId);
        agency.GetProperty("unifiedSocialCreditCode").GetString().Should().Be("52440305MJL100017G");
        agency.GetProperty("registrationDate").GetString().Should().Be("2015-06-01");
        agency.GetProperty("contacts")[0].GetProperty("phone").GetString().Should().Be("13800138000");
        agency.GetProperty("debarredToday").GetBoolean().Should().BeFalse();
        agency.GetProperty("version").GetInt32().Should().Be(1);

        var updated = await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(name: "Sunshine Centre", version: 1));
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(updated)).GetProperty("version").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_refused()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);
        (await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(name: "First", version: 1))).EnsureSuccessStatusCode();

        var stale = await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(name: "Second", version: 1));

        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(stale)).GetProperty("type").GetString().Should().Be("urn:procurement:problem:concurrency");
    }

    [Fact]
    public async Task An_agency_without_a_profile_gets_404_for_its_own()
    {
        (await _api.Client(Roles.Agency, _agencyId).GetAsync("/api/agencies/me")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_agency_gets_404_and_the_agency_itself_gets_its_profile()
    {
        var own = await _api.RegisteredAgencyAsync(_agencyId);
        var other = await _api.RegisteredAgencyAsync(Guid.NewGuid(), "52440305MJL100025B");

        (await other.GetAsync($"/api/agencies/{_agencyId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await own.GetAsync($"/api/agencies/{_agencyId}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Admin)]
    public async Task Purchasers_auditors_and_admins_read_and_list_agencies(string role)
    {
        await _api.RegisteredAgencyAsync(_agencyId);
        await _api.RegisteredAgencyAsync(Guid.NewGuid(), "52440305MJL100025B");
        var reader = _api.Client(role, Guid.NewGuid());

        var agency = await Json(await reader.GetAsync($"/api/agencies/{_agencyId}"));
        var all = await Json(await reader.GetAsync("/api/agencies"));

        agency.GetProperty("name").GetString().Should().Be("Sunshine Social Work Service Centre");
        all.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task An_evaluator_may_not_read_agencies_and_an_agency_may_not_list_them()
    {
        await _api.RegisteredAgencyAsync(_agencyId);

        (await _api.Client(Roles.Evaluator, Guid.NewGuid()).GetAsync($"/api/agencies/{_agencyId}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _api.Client(Roles.Agency, _agencyId).GetAsync("/api/agencies")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_code_with_a_wrong_check_character_is_a_422_naming_the_field_and_the_right_one_is_taken()
    {
        var client = _api.Client(Roles.Agency, _agencyId);

        var response = await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile("52440305MJL100017H"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("rule").GetString().Should().Be("uscc_check_character");
        problem.GetProperty("field").GetString().Should().Be("unifiedSocialCreditCode");
        problem.GetProperty("detail").GetString().Should().Be(
            "Unified social credit code does not pass its check character (GB 32100-2015); look for a mistyped character.");
        (await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile("52440305MJL100017G"))).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("52440305MJL10001", "uscc_length", "统一社会信用代码必须为 18 位，当前为 16 位。")]
    [InlineData("52440305MJL1000I7G", "uscc_character", "统一社会信用代码含有统一社会信用代码不使用的字符“I”（仅限数字及除 I、O、S、V、Z 外的大写字母）。")]
    [InlineData("524403A5MJL100017G", "uscc_region", "统一社会信用代码的第 3–8 位（登记管理机关行政区划码）必须为数字。")]
    public async Task Every_broken_code_rule_is_a_422_in_chinese_too(string code, string rule, string detail)
    {
        var response = await _api.Client(Roles.Agency, _agencyId, "zh-CN").PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(code));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("rule").GetString().Should().Be(rule);
        problem.GetProperty("field").GetString().Should().Be("unifiedSocialCreditCode");
        problem.GetProperty("detail").GetString().Should().Be(detail);
    }

    [Fact]
    public async Task Every_bad_field_of_a_profile_is_named_at_once()
    {
        var response = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", new
        {
            name = "",
            unifiedSocialCreditCode = "52440305MJL10001",
            address = "x",
            contacts = new[] { new { name = "Li", phone = "12345", email = "nobody" } },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        // The code is present: whether it keeps its rules is judged (422) once the request has its shape.
        (await Json(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
            "name", "registrationDate", "contacts[0].phone", "contacts[0].email");
    }

    [Fact]
    public async Task A_profile_without_a_code_is_a_400_naming_it()
    {
        var response = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(" "));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("unifiedSocialCreditCode");
    }

    [Fact]
    public async Task A_registration_date_after_today_is_a_422()
    {
        // Today is 2026-11-25 in Shanghai.
        var response = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(registrationDate: "2026-11-26"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("rule").GetString().Should().Be("registration_date_in_future");
        problem.GetProperty("field").GetString().Should().Be("registrationDate");
    }

    [Fact]
    public async Task A_registration_date_of_today_in_Beijing_is_kept_and_the_next_day_refused_in_Chinese_and_English()
    {
        // 2026-11-25 17:00 UTC is 2026-11-26 01:00 in Beijing: the 26th is today there, the 27th is not yet.
        _api.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));

        var refused = await _api.Client(Roles.Agency, _agencyId, "zh-CN").PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(registrationDate: "2026-11-27"));
        var refusedInEnglish = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(registrationDate: "2026-11-27"));
        var kept = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(registrationDate: "2026-11-26"));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(refused);
        problem.GetProperty("rule").GetString().Should().Be("registration_date_in_future");
        problem.GetProperty("detail").GetString().Should().Be("登记日期不得晚于今天（北京时间 2026-11-26）。");
        (await Json(refusedInEnglish)).GetProperty("detail").GetString().Should().Be("Registration date must not be after today (2026-11-26, Beijing time).");
        kept.StatusCode.Should().Be(HttpStatusCode.Created, await kept.Content.ReadAsStringAsync());
        (await Json(await _api.Client(Roles.Agency, _agencyId).GetAsync("/api/agencies/me"))).GetProperty("registrationDate").GetString().Should().Be("2026-11-26");
    }

    [Fact]
    public async Task A_code_another_agency_registered_is_a_409()
    {
        await _api.RegisteredAgencyAsync(Guid.NewGuid());

        var response = await _api.Client(Roles.Agency, _agencyId).PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile());

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(response)).GetProperty("rule").GetString().Should().Be("uscc_already_registered");
    }

    [Fact]
    public async Task An_admin_debars_an_agency_and_lifts_the_debarment()
    {
        await _api.RegisteredAgencyAsync(_agencyId);
        var admin = _api.Client(Roles.Admin, Guid.NewGuid());

        var debarred = await admin.PostAsJsonAsync($"/api/agencies/{_agencyId}/debarment", new { from = "2026-11-25", until = "2027-11-24", reason = "串通投标 (bid rigging)" });
        debarred.StatusCode.Should().Be(HttpStatusCode.OK);
        var agency = await Json(debarred);
        agency.GetProperty("debarredToday").GetBoolean().Should().BeTrue();
        agency.GetProperty("debarment").GetProperty("until").GetString().Should().Be("2027-11-24");
        (await Json(await _api.Client(Roles.Agency, _agencyId).GetAsync("/api/agencies/me"))).GetProperty("debarredToday").GetBoolean().Should().BeTrue();

        var lifted = await Json(await admin.DeleteAsync($"/api/agencies/{_agencyId}/debarment"));
        lifted.GetProperty("debarredToday").GetBoolean().Should().BeFalse();
        lifted.GetProperty("debarment").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_debarment_that_ends_before_it_starts_is_a_422()
    {
        await _api.RegisteredAgencyAsync(_agencyId);

        var response = await _api.Client(Roles.Admin, Guid.NewGuid()).PostAsJsonAsync(
            $"/api/agencies/{_agencyId}/debarment", new { from = "2026-12-01", until = "2026-11-30", reason = "r" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await Json(response)).GetProperty("rule").GetString().Should().Be("debarment_span_reversed");
    }

    [Theory]
    [InlineData(Roles.Agency)]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Auditor)]
    public async Task Only_an_admin_debars(string role)
    {
        await _api.RegisteredAgencyAsync(_agencyId);
        var client = _api.Client(role, role == Roles.Agency ? _agencyId : Guid.NewGuid());

        (await client.PostAsJsonAsync($"/api/agencies/{_agencyId}/debarment", new { from = "2026-11-25", reason = "r" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.DeleteAsync($"/api/agencies/{_agencyId}/debarment")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Debarring_an_unknown_agency_is_a_404()
    {
        (await _api.Client(Roles.Admin, Guid.NewGuid()).PostAsJsonAsync($"/api/agencies/{Guid.NewGuid()}/debarment", new { from = "2026-11-25", reason = "r" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Errors_are_in_chinese_for_a_chinese_caller()
    {
        var client = _api.Client(Roles.Agency, _agencyId, "zh-CN,zh;q=0.9");

        var badCode = await Json(await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile("91350100I000100Y43")));
        var future = await Json(await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(registrationDate: "2026-11-26")));

        badCode.GetProperty("detail").GetString()
            .Should().Be("统一社会信用代码含有统一社会信用代码不使用的字符“I”（仅限数字及除 I、O、S、V、Z 外的大写字母）。");
        future.GetProperty("detail").GetString().Should().Be("登记日期不得晚于今天（北京时间 2026-11-25）。", "the one registration-date rule has one text, Identity's as Bidding's");
    }
}
