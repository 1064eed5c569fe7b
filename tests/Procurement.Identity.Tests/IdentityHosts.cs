using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>Hosts of the Identity module alone, as a distributed deployment runs it, on a test server.</summary>
public static class IdentityHosts
{
    public const string PurchasersOnly = "/test/purchasers-only";
    public const string AnyCaller = "/test/any-caller";
    public const string ProductionMachineSecret = "a-production-machine-secret";

    /// <summary>Development, with two endpoints behind the ServiceDefaults policies a service would use.</summary>
    public static Task<RunningHost> StartDevelopmentAsync(TestSettings? settings = null) =>
        TestHosts.StartAsync(settings ?? DevelopmentSettings(), "identity", IdentityModule.Module);

    /// <summary>Development on <paramref name="clock"/>, with the second factor required as it is outside Development.</summary>
    public static Task<RunningHost> StartTwoFactorAsync(TimeProvider clock) =>
        StartDevelopmentAsync(DevelopmentSettings(configure: builder =>
        {
            builder.Configuration[Security.TwoFactorRequirement.RequiredInDevelopmentSetting] = "true";
            builder.Services.AddSingleton(clock);
        }));

    public static TestSettings DevelopmentSettings(string? dataDirectory = null, bool keepDataDirectory = false, Action<WebApplicationBuilder>? configure = null) => new()
    {
        DataDirectory = dataDirectory ?? NewDataDirectory(),
        KeepDataDirectory = keepDataDirectory,
        Configure = configure,
        ConfigureApp = MapProtectedEndpoints,
    };

    /// <summary>Production: keys from configuration, as a Kubernetes secret gives them.</summary>
    public static TestSettings ProductionSettings(Dictionary<string, string?>? extra = null)
    {
        using var rsa = RSA.Create(2048);
        var values = new Dictionary<string, string?>
        {
            [TokenKeys.SigningKeySetting] = rsa.ExportRSAPrivateKeyPem(),
            [TokenKeys.EncryptionKeySetting] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [IdentitySettings.AllowHttp] = "true",
            [IdentitySettings.MachineClientSecret] = ProductionMachineSecret,
        };
        foreach (var (key, value) in extra ?? [])
        {
            values[key] = value;
        }

        return new TestSettings
        {
            Environment = "Production",
            Values = values,
            ConfigureApp = MapProtectedEndpoints,
        };
    }

    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    private static void MapProtectedEndpoints(WebApplication app)
    {
        app.MapGet(PurchasersOnly, () => Results.Ok("purchaser")).RequireAuthorization(Roles.Purchaser);
        app.MapGet(AnyCaller, (HttpContext http) => Results.Ok(http.User.UserId())).RequireAuthorization(Policies.AnyUser);
    }
}

/// <summary>One Development host shared by the tests of a class.</summary>
public sealed class DevelopmentIdentity : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await IdentityHosts.StartDevelopmentAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One Production host shared by the tests of a class.</summary>
public sealed class ProductionIdentity : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHosts.StartAsync(IdentityHosts.ProductionSettings(), "identity", IdentityModule.Module);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
