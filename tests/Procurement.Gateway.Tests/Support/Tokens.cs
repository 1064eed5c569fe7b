using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Gateway.Tests.Support;

/// <summary>Tokens the gateway must refuse, and tokens of machine clients.</summary>
public static class Tokens
{
    public static string SignedByAnotherKey(IServiceProvider services)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = "not-ours" };
        return Create(services, key, DateTime.UtcNow, TimeSpan.FromHours(1));
    }

    /// <summary>Expired ten minutes ago, well past the one minute of clock skew the validation allows.</summary>
    public static string Expired(IServiceProvider services) =>
        Create(services, services.GetRequiredService<TokenKeys>().SigningKey, DateTime.UtcNow.AddHours(-1), TimeSpan.FromMinutes(50));

    /// <summary>A client-credentials token: a client id and a subject.</summary>
    public static string ForClient(IServiceProvider services, string clientId, string subject) =>
        Create(services, services.GetRequiredService<TokenKeys>().SigningKey, DateTime.UtcNow, TimeSpan.FromHours(1),
            new Claim(ProcurementClaims.ClientId, clientId), new Claim(ProcurementClaims.Subject, subject));

    private static string Create(IServiceProvider services, SecurityKey key, DateTime issuedAt, TimeSpan lifetime, params Claim[] claims)
    {
        var keys = services.GetRequiredService<TokenKeys>();
        Claim[] defaults =
        [
            new(ProcurementClaims.Role, Roles.Purchaser),
            new(ProcurementClaims.OrganisationId, Guid.NewGuid().ToString()),
        ];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = keys.Issuer,
            Audience = keys.Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(claims.Length == 0 ? [new Claim(ProcurementClaims.Subject, Guid.NewGuid().ToString()), .. defaults] : [.. claims, .. defaults]),
        });
    }
}
