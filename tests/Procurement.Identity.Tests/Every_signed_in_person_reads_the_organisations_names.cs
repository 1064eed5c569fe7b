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
/// Issue 15 (names, not ids): the portal shows a purchasing unit, an agency, an evaluation organisation or a treasury
/// office by its name. Those names are public facts, so any signed-in person reads the directory of the active
/// organisations' names at <c>/api/identity/organisations/names</c> — id, name and kind, nothing else.
/// </summary>
public sealed class Every_signed_in_person_reads_the_organisations_names(Every_signed_in_person_reads_the_organisations_names.District district)
    : IClassFixture<Every_signed_in_person_reads_the_organisations_names.District>
{
    private const string Path = OrganisationEndpoints.Path + "/names";

    public sealed class District : IAsyncLifetime
    {
        private readonly DirectoryHost _directory = new(fakeClock: false);

        public RunningHost Host { get; private set; } = null!;

        public Guid OperatorId { get; private set; }

        public Organisation Unit { get; } = new(Guid.CreateVersion7(), "福田区民政局", OrganisationKind.PurchasingUnit, "11440304MB2C12345X", "深圳市福田区", "440304");

        public Organisation Agency { get; } = Registered("福田区阳光社工服务中心", "52440304MJL100017G");

        public Organisation Evaluator { get; } = new(Guid.CreateVersion7(), "深圳市第三方绩效评价中心", OrganisationKind.EvaluationOrganisation);

        public Organisation Treasury { get; } = new(Guid.CreateVersion7(), "福田区国库支付中心", OrganisationKind.TreasuryOffice);

        public Organisation Deactivated { get; } = new(Guid.CreateVersion7(), "已撤销的罗湖区民政局", OrganisationKind.PurchasingUnit, null, "深圳市罗湖区", "440303");

        /// <summary>An agency that registered itself and has not confirmed its e-mail yet.</summary>
        public Organisation Unconfirmed { get; } = Organisation.RegisterAgency(
            Guid.CreateVersion7(), "未确认的社工服务社", "52440304MJL100025B", "福田区民政局", "张三", new DateOnly(2020, 1, 2), "深圳市福田区一路 1 号",
            DateTimeOffset.UtcNow);

        public async Task InitializeAsync()
        {
            await _directory.FirstAdministratorAsync();
            Host = await _directory.HostAsync();
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            OperatorId = (await db.Organisations.SingleAsync()).Id;
            Deactivated.Deactivate(DateTimeOffset.UtcNow);
            db.Organisations.AddRange(Unit, Agency, Evaluator, Treasury, Deactivated, Unconfirmed);
            await db.SaveChangesAsync();
        }

        public async Task DisposeAsync() => await _directory.DisposeAsync();

        public HttpClient As(string role) =>
            Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, Unit.Id, role + "-user", userId: $"user-of-{role}"));

        private static Organisation Registered(string name, string creditCode)
        {
            var agency = Organisation.RegisterAgency(
                Guid.CreateVersion7(), name, creditCode, "福田区民政局", "李四", new DateOnly(2019, 5, 6), "深圳市福田区二路 2 号", DateTimeOffset.UtcNow);
            agency.ConfirmRegistration("李四", "13800000000", "li@example.org", DateTimeOffset.UtcNow);
            return agency;
        }
    }

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Agency)]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.Treasury)]
    [InlineData(Roles.Auditor)]
    public async Task Each_role_reads_the_active_organisations_by_name(string role)
    {
        using var client = district.As(role);

        var names = await client.GetFromJsonAsync<JsonElement[]>(Path);

        var byId = names!.ToDictionary(n => n.GetProperty("id").GetGuid());
        byId[district.Unit.Id].GetProperty("name").GetString().Should().Be("福田区民政局");
        byId[district.Unit.Id].GetProperty("kind").GetString().Should().Be("PurchasingUnit");
        byId[district.Agency.Id].GetProperty("name").GetString().Should().Be("福田区阳光社工服务中心");
        byId[district.Evaluator.Id].GetProperty("kind").GetString().Should().Be("EvaluationOrganisation");
        byId[district.Treasury.Id].GetProperty("name").GetString().Should().Be("福田区国库支付中心");
        names!.Select(n => n.GetProperty("name").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_organisation_and_an_unconfirmed_registration_are_not_listed()
    {
        using var purchaser = district.As(Roles.Purchaser);

        var ids = (await purchaser.GetFromJsonAsync<JsonElement[]>(Path))!.Select(n => n.GetProperty("id").GetGuid()).ToList();

        ids.Should().Contain([district.Unit.Id, district.Agency.Id, district.OperatorId])
            .And.NotContain(district.Deactivated.Id).And.NotContain(district.Unconfirmed.Id);
    }

    [Fact]
    public async Task An_organisation_reactivated_is_listed_again()
    {
        using var admin = district.As(Roles.Admin);
        using var purchaser = district.As(Roles.Purchaser);
        var created = await (await admin.PostAsJsonAsync(OrganisationEndpoints.Path, new { name = $"盐田区财政局 {Guid.NewGuid():N}", kind = "TreasuryOffice" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        (await admin.PostAsync($"{OrganisationEndpoints.Path}/{id}/deactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var whileInactive = await purchaser.GetFromJsonAsync<JsonElement[]>(Path);
        (await admin.PostAsync($"{OrganisationEndpoints.Path}/{id}/reactivate", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var afterwards = await purchaser.GetFromJsonAsync<JsonElement[]>(Path);

        whileInactive!.Should().NotContain(n => n.GetProperty("id").GetGuid() == id);
        afterwards!.Should().ContainSingle(n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_kind_narrows_the_list_to_the_kinds_asked_for()
    {
        using var purchaser = district.As(Roles.Purchaser);

        var evaluators = await purchaser.GetFromJsonAsync<JsonElement[]>($"{Path}?kind=EvaluationOrganisation&kind=ExpertPool");
        var treasuries = await purchaser.GetFromJsonAsync<JsonElement[]>($"{Path}?kind=TreasuryOffice");

        evaluators!.Should().Contain(n => n.GetProperty("id").GetGuid() == district.Evaluator.Id)
            .And.OnlyContain(n => n.GetProperty("kind").GetString() == "EvaluationOrganisation" || n.GetProperty("kind").GetString() == "ExpertPool");
        treasuries!.Should().Contain(n => n.GetProperty("id").GetGuid() == district.Treasury.Id)
            .And.OnlyContain(n => n.GetProperty("kind").GetString() == "TreasuryOffice");
    }

    [Fact]
    public async Task Nothing_but_the_id_the_name_and_the_kind_is_told()
    {
        using var agency = district.As(Roles.Agency);

        using var response = await agency.GetAsync(Path);
        var body = await response.Content.ReadAsStringAsync();
        var names = JsonSerializer.Deserialize<JsonElement[]>(body)!;

        names.Should().NotBeEmpty().And.OnlyContain(n => n.EnumerateObject().Select(p => p.Name).SequenceEqual(new[] { "id", "name", "kind" }));
        body.Should().NotContain("11440304MB2C12345X").And.NotContain("52440304MJL100017G")
            .And.NotContain("李四").And.NotContain("深圳市福田区二路").And.NotContain("440304").And.NotContain("ops@district.example");
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_401_as_problem_details()
    {
        using var anonymous = district.Host.CreateClient();

        using var refused = await anonymous.GetAsync(Path);

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_400()
    {
        using var purchaser = district.As(Roles.Purchaser);

        using var refused = await purchaser.GetAsync($"{Path}?kind=Nonsense");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task The_directory_is_in_the_openapi_document()
    {
        using var client = district.Host.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        document.Should().Contain("/api/identity/organisations/names").And.Contain("ListOrganisationNames").And.Contain("OrganisationNameResponse");
    }
}
