using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Testing;

/// <summary>
/// Access tokens for service tests that run without Identity: signed with the host's own keys, with
/// the claims Identity puts in (sub, name, role, org_id), so the real validation and policies run.
/// </summary>
public static class TestTokens
{
    /// <summary>
    /// A token for <paramref name="role"/> in <paramref name="organisationId"/>; its subject is <paramref name="userId"/>, or a new id;
    /// issued now, or at <paramref name="issuedAt"/>.
    /// </summary>
    public static string For(
        IServiceProvider services, string role, Guid organisationId, string? userName = null, TimeSpan? lifetime = null, string? userId = null,
        DateTimeOffset? issuedAt = null)
    {
        var keys = services.GetRequiredService<TokenKeys>();
        var now = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = keys.Issuer,
            Audience = keys.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ProcurementClaims.Subject, userId ?? Guid.NewGuid().ToString()),
                new Claim(ProcurementClaims.Name, userName ?? role),
                new Claim(ProcurementClaims.Role, role),
                new Claim(ProcurementClaims.OrganisationId, organisationId.ToString()),
            ]),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

}
