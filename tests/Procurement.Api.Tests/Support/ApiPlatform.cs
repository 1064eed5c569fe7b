using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing.Platform;

namespace Procurement.Api.Tests.Support;

/// <summary>Who calls: a demo user, the machine client, or nobody (no token).</summary>
public sealed record Caller(string Name, string? Token, ClaimsPrincipal Principal)
{
    public bool IsAnonymous => Token is null;

    public override string ToString() => Name;
}

/// <summary>
/// The embedded platform (every module in one Standalone host on a test server) with a token for each demo role,
/// the machine client's token, a program and a published tender to give routes real ids, and the endpoints'
/// authorization metadata to tell which caller may act where.
/// </summary>
public sealed class ApiPlatform : IAsyncLifetime
{
    public const string MachineClientId = "procurement-machine";
    public const string MachineSecret = "machine-secret-dev";

    private EmbeddedPlatform _platform = null!;

    public static readonly string[] DemoUsers = ["purchaser", "agency1", "evaluator1", "treasury", "auditor", "admin"];

    public IReadOnlyList<Caller> Callers { get; private set; } = [];

    public Guid ProgramId { get; private set; }

    public Guid TenderId { get; private set; }

    public JsonDocument OpenApi { get; private set; } = null!;

    public IServiceProvider Services => _platform.Host.Services;

    public Caller Caller(string name) => Callers.Single(c => c.Name == name);

    public async Task InitializeAsync()
    {
        _platform = await EmbeddedPlatform.StartAsync();
        var callers = new List<Caller> { new("anonymous", null, new ClaimsPrincipal(new ClaimsIdentity())) };
        foreach (var user in DemoUsers)
        {
            callers.Add(Of(user, await _platform.SignInAsync(user)));
        }

        callers.Add(Of("machine", await MachineTokenAsync()));
        Callers = callers;

        using var purchaser = CreateClient(Caller("purchaser"));
        ProgramId = await purchaser.CreateProgramAsync("Home care for elders, API checks", "Demo District");
        TenderId = await PublishTenderAsync(ProgramId);

        using var anonymous = _platform.CreateClient();
        OpenApi = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
    }

    public async Task DisposeAsync()
    {
        OpenApi?.Dispose();
        await _platform.DisposeAsync();
    }

    /// <summary>A tender of a program of its own, published (the flood and the matrix edit and cancel the shared ones).</summary>
    public async Task<Guid> PublishTenderAsync(Guid? programId = null)
    {
        using var purchaser = CreateClient(Caller("purchaser"));
        var today = SliceApi.BeijingToday();
        var tenderId = await purchaser.DraftTenderAsync(NewTender.Standard(
            programId ?? await purchaser.CreateProgramAsync("Home care for elders, one tender", "Demo District"), "Home care for elders 2027", 480_000m, SliceApi.BeijingTime(today.AddDays(40), new TimeOnly(17, 0)),
            today.AddDays(60), today.AddDays(60 + 364)));
        await purchaser.PublishTenderAsync(tenderId);
        return tenderId;
    }

    public HttpClient CreateClient(Caller caller)
    {
        var client = _platform.CreateClient();
        if (caller.Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        }

        return client;
    }

    /// <summary>The endpoint that serves <paramref name="method"/> on the OpenAPI <paramref name="path"/>.</summary>
    public RouteEndpoint EndpointOf(string method, string path)
    {
        var endpoints = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints.SingleOrDefault(e =>
                   Normalise(e.RoutePattern.RawText) == Normalise(path)
                   && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods
                       .Contains(method, StringComparer.OrdinalIgnoreCase) ?? false))
               ?? throw new InvalidOperationException($"No endpoint serves {method} {path}.");
    }

    /// <summary>Whether the endpoint's authorization metadata (its policies, combined as the middleware does) lets the caller in.</summary>
    public async Task<bool> MayActAsync(RouteEndpoint endpoint, Caller caller)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var policy = await AuthorizationPolicy.CombineAsync(
            Services.GetRequiredService<IAuthorizationPolicyProvider>(),
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
        {
            return true;
        }

        var result = await Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(caller.Principal, resource: null, policy);
        return result.Succeeded;
    }

    private static string Normalise(string? pattern)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(pattern ?? string.Empty, @"\{([^}:?]+)[^}]*\}", "{$1}");
        return text.TrimEnd('/');
    }

    private static Caller Of(string name, string token)
    {
        var jwt = new JsonWebTokenHandler().ReadJsonWebToken(token);
        var identity = new ClaimsIdentity(jwt.Claims, "Bearer", ProcurementClaims.Name, ProcurementClaims.Role);
        return new Caller(name, token, new ClaimsPrincipal(identity));
    }

    private async Task<string> MachineTokenAsync()
    {
        using var client = _platform.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = MachineClientId,
            ["client_secret"] = MachineSecret,
            ["scope"] = "api",
        });
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiPlatformCollection : ICollectionFixture<ApiPlatform>
{
    public const string Name = "api-platform";
}
