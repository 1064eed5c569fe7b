using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Procurement.Identity;

/// <summary>The configuration keys Identity reads, and their defaults (the module ships no appsettings.json).</summary>
public static class IdentitySettings
{
    /// <summary>
    /// Semicolon-separated redirect URIs of the portal (its OIDC handler's <c>/signin-oidc</c>); in Development
    /// <see cref="DevelopmentPortalRedirectUris"/>, the embedded portal on the Standalone's address.
    /// </summary>
    public const string PortalRedirectUris = "Identity:Portal:RedirectUris";

    /// <summary>Semicolon-separated post-logout redirect URIs of the portal (<c>/signout-callback-oidc</c>); <see cref="DevelopmentPortalPostLogoutRedirectUris"/> in Development.</summary>
    public const string PortalPostLogoutRedirectUris = "Identity:Portal:PostLogoutRedirectUris";

    /// <summary>The secret of <c>procurement-machine</c>; <c>machine-secret-dev</c> in Development, none (no client) otherwise.</summary>
    public const string MachineClientSecret = "Identity:MachineClientSecret";

    /// <summary>
    /// <c>true</c> lets the token endpoints answer over plain HTTP outside Development (a loopback or
    /// in-cluster test). Production answers only HTTPS: behind an ingress that terminates TLS, set
    /// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> so the request's scheme comes from X-Forwarded-Proto.
    /// </summary>
    public const string AllowHttp = "Auth:AllowHttp";

    public const string AccessTokenLifetime = "Identity:AccessTokenLifetime";
    public const string RefreshTokenLifetime = "Identity:RefreshTokenLifetime";

    public const string DevelopmentPortalRedirectUris = "http://127.0.0.1:5080/signin-oidc;http://localhost:5080/signin-oidc";
    public const string DevelopmentPortalPostLogoutRedirectUris = "http://127.0.0.1:5080/signout-callback-oidc;http://localhost:5080/signout-callback-oidc";
    public const string DevelopmentMachineClientSecret = "machine-secret-dev";

    public static IReadOnlyList<Uri> Uris(IConfiguration configuration, IHostEnvironment environment, string key, string developmentDefault)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = environment.IsDevelopment() ? developmentDefault : "";
        }

        return [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => new Uri(u, UriKind.Absolute))];
    }

    public static string? MachineSecret(IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = configuration[MachineClientSecret];
        if (!string.IsNullOrWhiteSpace(secret))
        {
            return secret;
        }

        return environment.IsDevelopment() ? DevelopmentMachineClientSecret : null;
    }

    public static TimeSpan Lifetime(IConfiguration configuration, string key, TimeSpan fallback) =>
        TimeSpan.TryParse(configuration[key], System.Globalization.CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : fallback;
}
