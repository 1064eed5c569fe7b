using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Tests;

/// <summary>挂证 (DOMAIN.md §12): a social-work certificate number belongs to one person, whichever agency enrols them.</summary>
public sealed class A_certificate_number_on_record_for_another_person_is_refused : IAsyncLifetime
{
    private const string WangId = "440305199001011010";
    private const string ZhaoId = "440305199001011029";
    private const string Number = "S2019440305001";
    private const string SunshineName = "Sunshine Social Work Service Centre";
    private const string HarbourName = "Harbour Light Community Services";
    private BiddingApi _api = null!;
    private HttpClient _sunshine = null!;
    private HttpClient _harbour = null!;

    public async Task InitializeAsync()
    {
        _api = await BiddingApi.StartAsync();
        _sunshine = await AgencyAsync("52440305MJL100017G", SunshineName);
        _harbour = await AgencyAsync("52440305MJL100025B", HarbourName);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Another_agency_enrolling_another_person_with_the_number_is_a_422_on_the_certificate_number()
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);

        var refused = await Enrol(_harbour, ZhaoId, "Zhao Lei", Number);

        await ShouldBeLendingAsync(refused);
    }

    [Fact]
    public async Task The_same_agency_enrolling_a_second_person_with_the_number_is_refused_too()
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);

        await ShouldBeLendingAsync(await Enrol(_sunshine, ZhaoId, "Zhao Lei", Number));
    }

    [Theory]
    [InlineData(" S2019440305001 ")]
    [InlineData("s2019440305001")]
    public async Task The_number_is_compared_trimmed_and_whatever_the_case_of_its_letters(string typed)
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);

        await ShouldBeLendingAsync(await Enrol(_harbour, ZhaoId, "Zhao Lei", typed));
    }

    [Fact]
    public async Task The_same_person_on_another_agencys_roster_keeps_their_own_number()
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);

        (await Enrol(_harbour, WangId, "Wang F.", "s2019440305001 ")).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_number_is_taken_and_a_deactivated_holder_still_holds_theirs()
    {
        var wang = await Enrol(_sunshine, WangId, "Wang Fang", Number);
        var wangId = (await wang.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await _sunshine.DeleteAsync($"/api/agencies/me/staff/{wangId}")).EnsureSuccessStatusCode();

        (await Enrol(_harbour, ZhaoId, "Zhao Lei", "S2019440305002")).StatusCode.Should().Be(HttpStatusCode.Created);
        await ShouldBeLendingAsync(await Enrol(_harbour, "440305199001011037", "Qian Yu", Number));
    }

    [Fact]
    public async Task Changing_a_workers_number_to_another_persons_is_refused_and_re_saving_their_own_is_not()
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);
        var zhao = await (await Enrol(_harbour, ZhaoId, "Zhao Lei", "S2019440305002")).Content.ReadFromJsonAsync<JsonElement>();
        var zhaoId = zhao.GetProperty("id").GetGuid();

        var changed = await _harbour.PutAsJsonAsync($"/api/agencies/me/staff/{zhaoId}", Worker(null, "Zhao Lei", Number));
        var resaved = await _harbour.PutAsJsonAsync($"/api/agencies/me/staff/{zhaoId}", Worker(null, "Zhao Lei", "S2019440305002"));
        var ownInOtherCase = await _harbour.PutAsJsonAsync($"/api/agencies/me/staff/{zhaoId}", Worker(null, "Zhao Lei", " s2019440305002"));

        await ShouldBeLendingAsync(changed);
        resaved.StatusCode.Should().Be(HttpStatusCode.OK, await resaved.Content.ReadAsStringAsync());
        ownInOtherCase.StatusCode.Should().Be(HttpStatusCode.OK, await ownInOtherCase.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_agencies_enrolling_one_number_at_once_do_not_both_succeed()
    {
        var attempts = await Task.WhenAll(
            Enrol(_sunshine, WangId, "Wang Fang", Number),
            Enrol(_harbour, ZhaoId, "Zhao Lei", Number));

        attempts.Select(a => a.StatusCode).Should().BeEquivalentTo([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity]);
    }

    [Fact]
    public async Task The_refusal_says_only_that_the_number_is_someone_elses_in_english_and_chinese()
    {
        (await Enrol(_sunshine, WangId, "Wang Fang", Number)).StatusCode.Should().Be(HttpStatusCode.Created);
        var chinese = _api.Client(Roles.Agency, HarbourId, "zh-CN");

        var english = await Enrol(_harbour, ZhaoId, "Zhao Lei", Number);
        var zh = await Enrol(chinese, ZhaoId, "Zhao Lei", Number);

        var englishBody = await english.Content.ReadAsStringAsync();
        var chineseBody = await zh.Content.ReadAsStringAsync();
        JsonDocument.Parse(englishBody).RootElement.GetProperty("detail").GetString().Should().Be("This certificate number is registered to someone else.");
        JsonDocument.Parse(chineseBody).RootElement.GetProperty("detail").GetString().Should().Be("该证书编号已登记在他人名下。");
        foreach (var body in new[] { englishBody, chineseBody })
        {
            body.Should().NotContain(SunshineName).And.NotContain(HarbourName).And.NotContain("Sunshine")
                .And.NotContain("Wang").And.NotContain(Number, "not even the number echoed back");
        }
    }

    private Guid HarbourId { get; } = Guid.NewGuid();

    private async Task<HttpClient> AgencyAsync(string code, string name)
    {
        var id = name == HarbourName ? HarbourId : Guid.NewGuid();
        var client = _api.Client(Roles.Agency, id);
        (await client.PutAsJsonAsync("/api/agencies/me", BiddingApi.Profile(code, name: name))).EnsureSuccessStatusCode();
        return client;
    }

    private static Task<HttpResponseMessage> Enrol(HttpClient agency, string idNumber, string name, string number) =>
        agency.PostAsJsonAsync("/api/agencies/me/staff", Worker(idNumber, name, number));

    private static object Worker(string? idNumber, string name, string number) => new
    {
        name,
        idNumber,
        certificateLevel = "Intermediate",
        certificateNumber = number,
        isSupervisor = false,
    };

    private static async Task ShouldBeLendingAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("rule").GetString().Should().Be(CertificateLending.Code);
        problem.GetProperty("field").GetString().Should().Be("certificateNumber");
    }
}
