using Procurement.Rules;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 2 of the issue (item 3 of the brief): the administrator creates purchasing units (with region and
/// GB/T 2260 division code), treasury offices, audit offices and the expert pool, lists, renames, deactivates and
/// reactivates them; every change is audited with who and when, readable by the administrator and the auditor.
/// </summary>
public sealed class Organisations_as_data(Organisations_as_data.District district) : IClassFixture<Organisations_as_data.District>
{
    private const string Path = OrganisationEndpoints.Path;

    public sealed class District : IAsyncLifetime
    {
        private readonly DirectoryHost _directory = new(fakeClock: false);

        public RunningHost Host { get; private set; } = null!;

        public Guid OperatorId { get; private set; }

        public async Task InitializeAsync()
        {
            await _directory.FirstAdministratorAsync();
            Host = await _directory.HostAsync();
            await using var scope = Host.Services.CreateAsyncScope();
            OperatorId = (await scope.ServiceProvider.GetRequiredService<IdentityDb>().Organisations.SingleAsync()).Id;
        }

        public async Task DisposeAsync() => await _directory.DisposeAsync();

        public HttpClient As(string role, string userName = "ops", string language = "en")
        {
            var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, OperatorId, userName, userId: $"user-of-{userName}"));
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            return client;
        }
    }

    [Fact]
    public async Task An_administrator_creates_a_purchasing_unit_with_its_region_and_division_code_and_the_creation_is_audited()
    {
        using var admin = district.As(Roles.Admin);

        using var created = await admin.PostAsJsonAsync(Path, PurchasingUnit("福田区民政局", "440304"));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var unit = (await created.Content.ReadFromJsonAsync<JsonElement>());
        unit.GetProperty("kind").GetString().Should().Be("PurchasingUnit");
        unit.GetProperty("region").GetString().Should().Be("深圳市福田区");
        unit.GetProperty("divisionCode").GetString().Should().Be("440304");
        unit.GetProperty("active").GetBoolean().Should().BeTrue();
        var id = unit.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().Should().Be($"{Path}/{id}");
        (await admin.GetFromJsonAsync<JsonElement>($"{Path}/{id}")).GetProperty("name").GetString().Should().Be("福田区民政局");

        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{Path}/{id}/history"))!;
        history.Should().ContainSingle();
        history[0].GetProperty("change").GetString().Should().Be("Created");
        history[0].GetProperty("newValue").GetString().Should().Contain("福田区民政局").And.Contain("440304");
        history[0].GetProperty("actorId").GetString().Should().Be("user-of-ops");
        history[0].GetProperty("actorName").GetString().Should().Be("ops");
    }

    [Theory]
    [InlineData("110101")]
    [InlineData("440304")]
    [InlineData("820000")]
    public async Task A_division_code_of_six_digits_starting_with_a_province_is_accepted(string code)
    {
        using var admin = district.As(Roles.Admin);

        using var created = await admin.PostAsJsonAsync(Path, PurchasingUnit($"民政局 {code} {Guid.NewGuid():N}", code));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("44030")]
    [InlineData("4403041")]
    [InlineData("44030a")]
    [InlineData("000000")]
    [InlineData("990101")]
    [InlineData("１１０１０１")]
    public async Task A_division_code_of_another_shape_is_refused(string code)
    {
        using var admin = district.As(Roles.Admin);

        using var refused = await admin.PostAsJsonAsync(Path, PurchasingUnit("民政局", code));

        (await Violations(refused)).Should().Equal(("divisionCode", OrganisationCodes.DivisionCodeShape));
    }

    [Fact]
    public async Task A_purchasing_unit_needs_a_region_and_a_division_code()
    {
        using var admin = district.As(Roles.Admin);

        using var refused = await admin.PostAsJsonAsync(Path, new { name = "民政局", kind = "PurchasingUnit" });

        (await Violations(refused)).Should().BeEquivalentTo([("region", "required"), ("divisionCode", "required")]);
    }

    [Theory]
    [InlineData("TreasuryOffice")]
    [InlineData("AuditOffice")]
    [InlineData("ExpertPool")]
    public async Task Treasury_offices_audit_offices_and_the_expert_pool_need_no_region(string kind)
    {
        using var admin = district.As(Roles.Admin);

        using var created = await admin.PostAsJsonAsync(Path, new { name = $"{kind} {Guid.NewGuid():N}", kind });

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString().Should().Be(kind);
    }

    [Theory]
    [InlineData("Agency")]
    [InlineData("PlatformOperator")]
    public async Task Agencies_register_themselves_and_the_platform_operator_comes_from_the_command_line(string kind)
    {
        using var admin = district.As(Roles.Admin);

        using var refused = await admin.PostAsJsonAsync(Path, new { name = "某机构", kind });

        (await Violations(refused)).Should().Equal(("kind", "one_of"));
    }

    [Fact]
    public async Task A_name_of_200_characters_is_accepted_and_one_of_201_or_none_is_refused()
    {
        using var admin = district.As(Roles.Admin);

        using var longest = await admin.PostAsJsonAsync(Path, new { name = new string('名', 200), kind = "ExpertPool" });
        using var tooLong = await admin.PostAsJsonAsync(Path, new { name = new string('名', 201), kind = "ExpertPool" });
        using var none = await admin.PostAsJsonAsync(Path, new { name = " ", kind = "ExpertPool" });

        longest.StatusCode.Should().Be(HttpStatusCode.Created);
        (await Violations(tooLong)).Should().Equal(("name", "max_length"));
        (await Violations(none)).Should().Equal(("name", "required"));
    }

    [Fact]
    public async Task A_unified_social_credit_code_is_accepted_once_and_one_of_another_shape_never()
    {
        using var admin = district.As(Roles.Admin);
        // A government unit's code (registration authority 1, kind 1) with both check characters right.
        var organisation = "MB2C1234" + CreditCodeRules.OrganisationCheckCharacterOf("MB2C1234");
        var code = "11440304" + organisation + CreditCodeRules.CheckCharacterOf("11440304" + organisation);

        using var first = await admin.PostAsJsonAsync(Path, new { name = "福田区审计局", kind = "AuditOffice", unifiedSocialCreditCode = code });
        using var second = await admin.PostAsJsonAsync(Path, new { name = "另一审计局", kind = "AuditOffice", unifiedSocialCreditCode = code });
        using var shape = await admin.PostAsJsonAsync(Path, new { name = "另一审计局", kind = "AuditOffice", unifiedSocialCreditCode = "11440304MB2C1234" });
        var wrongCheck = code[..17] + (code[17] == '0' ? '1' : '0');
        using var check = await admin.PostAsJsonAsync(Path, new { name = "另一审计局", kind = "AuditOffice", unifiedSocialCreditCode = wrongCheck });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString().Should().Be(OrganisationCodes.CreditCodeTaken);
        (await Violations(shape, HttpStatusCode.UnprocessableEntity)).Should().Equal(("unifiedSocialCreditCode", CreditCodeRules.WrongLength));
        (await Violations(check, HttpStatusCode.UnprocessableEntity)).Should().Equal(("unifiedSocialCreditCode", CreditCodeRules.WrongCheckCharacter));
    }

    [Fact]
    public async Task Renaming_records_the_old_and_the_new_name_and_the_same_name_records_nothing()
    {
        using var admin = district.As(Roles.Admin, userName: "ops-renamer");
        var id = await CreateAsync(admin, "福田区财政局");

        using var renamed = await admin.PutAsJsonAsync($"{Path}/{id}/name", new { name = "福田区财政局（国库）" });
        using var same = await admin.PutAsJsonAsync($"{Path}/{id}/name", new { name = "福田区财政局（国库）" });
        using var empty = await admin.PutAsJsonAsync($"{Path}/{id}/name", new { name = "" });

        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        same.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Violations(empty)).Should().Equal(("name", "required"));
        var history = (await admin.GetFromJsonAsync<JsonElement[]>($"{Path}/{id}/history"))!;
        history.Select(h => h.GetProperty("change").GetString()).Should().Equal("Created", "Renamed");
        history[1].GetProperty("oldValue").GetString().Should().Be("福田区财政局");
        history[1].GetProperty("newValue").GetString().Should().Be("福田区财政局（国库）");
        history[1].GetProperty("actorName").GetString().Should().Be("ops-renamer");
    }

    [Fact]
    public async Task Deactivating_and_reactivating_are_audited_and_neither_can_be_done_twice()
    {
        using var admin = district.As(Roles.Admin);
        var id = await CreateAsync(admin, "罗湖区民政局");

        using var deactivated = await admin.PostAsync($"{Path}/{id}/deactivate", null);
        using var again = await admin.PostAsync($"{Path}/{id}/deactivate", null);
        using var reactivated = await admin.PostAsync($"{Path}/{id}/reactivate", null);
        using var reAgain = await admin.PostAsync($"{Path}/{id}/reactivate", null);

        deactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        (await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean().Should().BeFalse();
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        reactivated.StatusCode.Should().Be(HttpStatusCode.OK);
        reAgain.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var history = await admin.GetFromJsonAsync<JsonElement[]>($"{Path}/{id}/history");
        history!.Select(h => h.GetProperty("change").GetString()).Should().Equal("Created", "Deactivated", "Reactivated");
    }

    [Fact]
    public async Task The_platform_operator_cannot_be_deactivated_and_the_refusal_speaks_chinese_and_english()
    {
        using var english = district.As(Roles.Admin);
        using var chinese = district.As(Roles.Admin, language: "zh-CN");

        using var inEnglish = await english.PostAsync($"{Path}/{district.OperatorId}/deactivate", null);
        using var inChinese = await chinese.PostAsync($"{Path}/{district.OperatorId}/deactivate", null);

        inEnglish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        inEnglish.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await inEnglish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("platform operator cannot be deactivated");
        (await inChinese.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("平台运营方不能停用");
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_by_active()
    {
        using var admin = district.As(Roles.Admin);
        var name = $"盐田区民政局 {Guid.NewGuid():N}";
        var id = await CreateAsync(admin, name);
        (await admin.PostAsync($"{Path}/{id}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var units = await admin.GetFromJsonAsync<JsonElement[]>($"{Path}?kind=PurchasingUnit");
        var inactive = await admin.GetFromJsonAsync<JsonElement[]>($"{Path}?kind=PurchasingUnit&active=false");
        var active = await admin.GetFromJsonAsync<JsonElement[]>($"{Path}?active=true");

        units!.Should().OnlyContain(o => o.GetProperty("kind").GetString() == "PurchasingUnit").And.Contain(o => o.GetProperty("name").GetString() == name);
        inactive!.Should().OnlyContain(o => !o.GetProperty("active").GetBoolean()).And.Contain(o => o.GetProperty("name").GetString() == name);
        active!.Should().OnlyContain(o => o.GetProperty("active").GetBoolean()).And.Contain(o => o.GetProperty("id").GetGuid() == district.OperatorId)
            .And.NotContain(o => o.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task An_unknown_organisation_is_404()
    {
        using var admin = district.As(Roles.Admin);

        using var missing = await admin.GetAsync($"{Path}/{Guid.NewGuid()}");
        using var rename = await admin.PutAsJsonAsync($"{Path}/{Guid.NewGuid()}/name", new { name = "x" });

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        rename.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Treasury)]
    [InlineData(Roles.Agency)]
    public async Task Anyone_but_the_administrator_is_refused_403_for_changes_and_the_list(string role)
    {
        using var admin = district.As(Roles.Admin);
        var id = await CreateAsync(admin, $"宝安区民政局 {role}");
        using var other = district.As(role);

        using var create = await other.PostAsJsonAsync(Path, new { name = "某单位", kind = "ExpertPool" });
        using var list = await other.GetAsync(Path);
        using var rename = await other.PutAsJsonAsync($"{Path}/{id}/name", new { name = "改名" });
        using var deactivate = await other.PostAsync($"{Path}/{id}/deactivate", null);

        foreach (var refused in new[] { create, list, rename, deactivate })
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().Should().EndWith(":forbidden");
        }

        (await admin.GetFromJsonAsync<JsonElement>($"{Path}/{id}")).GetProperty("name").GetString().Should().Be($"宝安区民政局 {role}");
    }

    [Fact]
    public async Task The_auditor_reads_the_history_and_a_purchaser_does_not()
    {
        using var admin = district.As(Roles.Admin);
        var id = await CreateAsync(admin, "龙岗区民政局");

        using var auditor = await district.As(Roles.Auditor).GetAsync($"{Path}/{id}/history");
        using var purchaser = await district.As(Roles.Purchaser).GetAsync($"{Path}/{id}/history");
        using var anonymous = await district.Host.CreateClient().GetAsync($"{Path}/{id}/history");

        auditor.StatusCode.Should().Be(HttpStatusCode.OK);
        (await auditor.Content.ReadFromJsonAsync<JsonElement[]>()).Should().ContainSingle();
        purchaser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_change_is_an_audit_row_naming_who_and_when()
    {
        using var admin = district.As(Roles.Admin, userName: "ops-auditing");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var id = await CreateAsync(admin, "南山区民政局");
        (await admin.PutAsJsonAsync($"{Path}/{id}/name", new { name = "南山区民政局（新）" })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Path}/{id}/deactivate", null)).EnsureSuccessStatusCode();

        await using var scope = district.Host.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IdentityDb>().OrganisationAudit.AsNoTracking()
            .Where(a => a.OrganisationId == id).ToListAsync();

        rows.Select(r => r.Change).Should().BeEquivalentTo([OrganisationChange.Created, OrganisationChange.Renamed, OrganisationChange.Deactivated]);
        rows.Should().OnlyContain(r => r.ActorId == "user-of-ops-auditing" && r.ActorName == "ops-auditing" && r.At >= before);
    }

    [Fact]
    public async Task The_api_is_in_the_openapi_document()
    {
        using var client = district.Host.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/api/identity/organisations/{id}/history").And.Contain("CreateOrganisation").And.Contain("RenameOrganisation");
    }

    private static object PurchasingUnit(string name, string divisionCode) =>
        new { name, kind = "PurchasingUnit", region = "深圳市福田区", divisionCode };

    private static async Task<Guid> CreateAsync(HttpClient admin, string name)
    {
        using var created = await admin.PostAsJsonAsync(Path, new { name, kind = "PurchasingUnit", region = "深圳市", divisionCode = "440300" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<(string Field, string Rule)>> Violations(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. problem.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("rule").GetString()!))];
    }
}
