namespace Procurement.Portal;

/// <summary>The <c>Portal</c> configuration section: where the platform's public entry is, as the portal's server sees it.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// The OpenID Connect authority (Identity's issuer), e.g. <c>http://127.0.0.1:5080/</c>. The embedded host sets it
    /// to its own address; the distributed portal to the gateway.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The base address of the platform's public HTTP API (<c>/api/...</c>); the authority when not set.</summary>
    public string? ApiBaseAddress { get; set; }

    /// <summary>The OIDC client id; <c>procurement-portal</c>.</summary>
    public string ClientId { get; set; } = "procurement-portal";

    /// <summary>How long before an access token's expiry the portal refreshes it.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a portal session lasts without activity (the cookie's sliding lifetime).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public Uri AuthorityUri => new(Require(Authority, nameof(Authority)).TrimEnd('/') + "/", UriKind.Absolute);

    public Uri ApiBaseUri => string.IsNullOrWhiteSpace(ApiBaseAddress) ? AuthorityUri : new Uri(ApiBaseAddress.TrimEnd('/') + "/", UriKind.Absolute);

    private static string Require(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{Section}:{name} is not configured: the portal needs the platform's public address.")
            : value;
}
