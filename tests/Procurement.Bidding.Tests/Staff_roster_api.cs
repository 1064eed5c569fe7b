using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

public sealed class Staff_roster_api : IAsyncLifetime
{
    private const string IdNumber = "440305198511205670";
    private const string OtherIdNumber = "11010519491231002X";
    private readonly Guid _agencyId = Guid.NewGuid();
    private BiddingApi _api = null!;

    public async Task InitializeAsync() => _api = await BiddingApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static object Worker(string idNumber = IdNumber, string level = "Intermediate", string? number = "S2019440305001", string name = "Wang Fang") => new
    {
        name,
        idNumber,
        certificateLevel = level,
        certificateNumber = number,
        isSupervisor = true,
        trainingHours = new[] { new { year = 2025, hours = 60 }, new { year = 2026, hours = 64 } },
    };

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task An_agency_adds_a_worker_and_the_roster_shows_the_last_four_and_never_the_number()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);

        var added = await client.PostAsJsonAsync("/api/agencies/me/staff", Worker());
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await added.Content.ReadAsStringAsync()).Should().NotContain(IdNumber);

        var listed = await client.GetAsync("/api/agencies/me/staff");
        var body = await listed.Content.ReadAsStringAsync();
        body.Should().NotContain(IdNumber).And.NotContain("198511205670").And.NotContain("19851120");
        var worker = JsonDocument.Parse(body).RootElement.EnumerateArray().Should().ContainSingle().Subject;
        worker.GetProperty("name").GetString().Should().Be("Wang Fang");
        worker.GetProperty("idNumberLastFour").GetString().Should().Be("5670");
        worker.GetProperty("certificateLevel").GetString().Should().Be("Intermediate");
        worker.GetProperty("isSupervisor").GetBoolean().Should().BeTrue();
        worker.GetProperty("trainingHoursThisYear").GetInt32().Should().Be(64);
        worker.GetProperty("trainingHoursLastThreeYears").GetInt32().Should().Be(124);
        worker.GetProperty("meetsTrainingTarget").GetBoolean().Should().BeTrue();
        worker.EnumerateObject().Select(p => p.Name).Should().NotContain(n => n.Contains("hash", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_raw_number_is_nowhere_in_the_database_files()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);
        (await client.PostAsJsonAsync("/api/agencies/me/staff", Worker())).EnsureSuccessStatusCode();

        var stored = await SqliteFiles.BytesAsync(_api.Settings.DataDirectory, "bidding.db");

        // The worker's name is there, so these are the bytes the roster was written to; the number is not.
        stored.Should().Contain("Wang Fang").And.NotContain(IdNumber).And.NotContain("198511205670");
    }

    [Fact]
    public async Task The_same_person_twice_on_one_roster_is_a_409_however_the_number_is_typed()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);
        var first = await Json(await client.PostAsJsonAsync("/api/agencies/me/staff", Worker(OtherIdNumber)));

        var again = await client.PostAsJsonAsync("/api/agencies/me/staff", Worker(" 11010519491231002x", name: "Wang F."));

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await Json(again);
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:worker_already_on_roster");
        problem.GetProperty("workerId").GetGuid().Should().Be(first.GetProperty("id").GetGuid());
        problem.GetProperty("detail").GetString().Should().Contain("002X");
    }

    [Fact]
    public async Task The_same_person_on_two_agencies_rosters_hashes_alike_for_the_double_counting_check()
    {
        var mine = await _api.RegisteredAgencyAsync(_agencyId);
        var theirs = await _api.RegisteredAgencyAsync(Guid.NewGuid(), "52440305MJL100025B");

        (await mine.PostAsJsonAsync("/api/agencies/me/staff", Worker())).StatusCode.Should().Be(HttpStatusCode.Created);
        (await theirs.PostAsJsonAsync("/api/agencies/me/staff", Worker())).StatusCode.Should().Be(HttpStatusCode.Created);

        await using var scope = _api.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        (await db.SocialWorkers.Select(w => w.IdLookupHash).Distinct().CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Staff_cannot_be_added_before_the_agency_profile()
    {
        var response = await _api.Client(Roles.Agency, _agencyId).PostAsJsonAsync("/api/agencies/me/staff", Worker());

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Json(response)).GetProperty("rule").GetString().Should().Be("agency_profile_required");
    }

    [Theory]
    [InlineData("440305198511205671", "id_number_check_character")]
    [InlineData("440305199902300012", "id_number_birth_date")]
    [InlineData("440305202611260019", "id_number_birth_date_future")]
    [InlineData("4403051985112056", "id_number_length")]
    public async Task A_bad_id_number_is_a_400_naming_the_field_without_echoing_it(string idNumber, string rule)
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);

        var response = await client.PostAsJsonAsync("/api/agencies/me/staff", Worker(idNumber));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(idNumber);
        var violation = JsonDocument.Parse(body).RootElement.GetProperty("violations").EnumerateArray().Should().ContainSingle().Subject;
        violation.GetProperty("field").GetString().Should().Be("idNumber");
        violation.GetProperty("rule").GetString().Should().Be(rule);
    }

    [Fact]
    public async Task A_certified_worker_without_a_certificate_number_is_a_422()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);

        var response = await client.PostAsJsonAsync("/api/agencies/me/staff", Worker(level: "Senior", number: null));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await Json(response);
        problem.GetProperty("rule").GetString().Should().Be("certificate_number_required");
        problem.GetProperty("field").GetString().Should().Be("certificateNumber");
    }

    [Fact]
    public async Task A_worker_is_updated_deactivated_and_reactivated()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);
        var worker = await Json(await client.PostAsJsonAsync("/api/agencies/me/staff", Worker()));
        var id = worker.GetProperty("id").GetGuid();

        var updated = await client.PutAsJsonAsync($"/api/agencies/me/staff/{id}", new { name = "Wang Fang", certificateLevel = "Senior", certificateNumber = "G2026001", version = 1 });
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await Json(updated);
        after.GetProperty("certificateLevel").GetString().Should().Be("Senior");
        after.GetProperty("trainingHoursThisYear").GetInt32().Should().Be(64, "training left out of the update is kept");

        var stale = await client.PutAsJsonAsync($"/api/agencies/me/staff/{id}", new { name = "W", certificateLevel = "None", version = 1 });
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await client.DeleteAsync($"/api/agencies/me/staff/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Json(await client.GetAsync("/api/agencies/me/staff"))).GetArrayLength().Should().Be(0);
        (await Json(await client.GetAsync("/api/agencies/me/staff?includeInactive=true")))[0].GetProperty("active").GetBoolean().Should().BeFalse();

        var reactivated = await client.PutAsJsonAsync($"/api/agencies/me/staff/{id}", new { name = "Wang Fang", certificateLevel = "Senior", certificateNumber = "G2026001", active = true });
        (await Json(reactivated)).GetProperty("active").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Another_agency_cannot_see_or_change_this_roster()
    {
        var client = await _api.RegisteredAgencyAsync(_agencyId);
        var id = (await Json(await client.PostAsJsonAsync("/api/agencies/me/staff", Worker()))).GetProperty("id").GetGuid();
        var other = await _api.RegisteredAgencyAsync(Guid.NewGuid(), "52440305MJL100025B");

        (await Json(await other.GetAsync("/api/agencies/me/staff"))).GetArrayLength().Should().Be(0);
        (await other.PutAsJsonAsync($"/api/agencies/me/staff/{id}", new { name = "X", certificateLevel = "None" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.DeleteAsync($"/api/agencies/me/staff/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _api.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync("/api/agencies/me/staff")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Roster_errors_are_in_chinese_for_a_chinese_caller()
    {
        await _api.RegisteredAgencyAsync(_agencyId);
        var client = _api.Client(Roles.Agency, _agencyId, "zh-CN");
        (await client.PostAsJsonAsync("/api/agencies/me/staff", Worker())).EnsureSuccessStatusCode();

        var duplicate = await Json(await client.PostAsJsonAsync("/api/agencies/me/staff", Worker()));
        var badId = await Json(await client.PostAsJsonAsync("/api/agencies/me/staff", Worker("440305198511205671")));

        duplicate.GetProperty("detail").GetString().Should().Be("该人员（身份证号后四位 5670）已在本机构人员名册中。");
        badId.GetProperty("errors").GetProperty("idNumber")[0].GetString().Should().Be("身份证号校验码不正确（GB 11643-1999），请检查是否有输错的数字。");
    }
}
