using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// The keys tokens are signed and encrypted with. They come from configuration (a Kubernetes secret in
/// production) so that every validator trusts the same issuer across restarts; ephemeral keys would
/// invalidate every token at each restart. In Development only, missing keys are created once in the
/// data folder and shared by every process that reads the same folder (the distributed mode on one machine),
/// readable by their owner only (<see cref="SecretFile"/>).
/// </summary>
public sealed class TokenKeys
{
    public const string SigningKeySetting = "Auth:SigningKey";
    public const string EncryptionKeySetting = "Auth:EncryptionKey";
    public const string IssuerSetting = "Auth:Issuer";
    public const string AudienceSetting = "Auth:Audience";
    public const string DefaultAudience = "procurement-api";
    public const string DefaultIssuer = "http://127.0.0.1:5080/";

    private TokenKeys(RsaSecurityKey signingKey, SymmetricSecurityKey? encryptionKey, string issuer, string audience)
    {
        SigningKey = signingKey;
        EncryptionKey = encryptionKey;
        Issuer = issuer;
        Audience = audience;
    }

    /// <summary>The RSA key; it holds the private part only where the configuration gave it (Identity).</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>
    /// Only Identity needs it (OpenIddict encrypts authorization codes and refresh tokens with it);
    /// access tokens are signed, not encrypted, so validators do without.
    /// </summary>
    public SymmetricSecurityKey? EncryptionKey { get; }

    public SymmetricSecurityKey RequireEncryptionKey() => EncryptionKey
        ?? throw new InvalidOperationException($"{EncryptionKeySetting} must be configured for the token issuer.");

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The keys for the host <paramref name="builder"/> builds; a development key file found open to others is narrowed and logged.</summary>
    public static TokenKeys Load(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Load(builder.Configuration, builder.Environment, StartupLog.For(builder, typeof(TokenKeys).FullName!));
    }

    /// <param name="logger">Told when an existing development key file had to be narrowed to its owner.</param>
    public static TokenKeys Load(IConfiguration configuration, IHostEnvironment environment, ILogger? logger = null)
    {
        var issuer = configuration[IssuerSetting] ?? DefaultIssuer;
        if (!issuer.EndsWith('/'))
        {
            issuer += "/";
        }

        var audience = configuration[AudienceSetting] ?? DefaultAudience;
        var signingPem = configuration[SigningKeySetting];
        var encryptionKey = configuration[EncryptionKeySetting];

        if (string.IsNullOrWhiteSpace(signingPem) && !environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{SigningKeySetting} must be configured outside Development (see k8s/README.md).");
        }

        if (environment.IsDevelopment() && (string.IsNullOrWhiteSpace(signingPem) || string.IsNullOrWhiteSpace(encryptionKey)))
        {
            var folder = Path.Combine(DataDirectory.Resolve(configuration), "keys");
            signingPem ??= SecretFile.ReadOrCreate(
                Path.Combine(folder, "signing-key.pem"),
                () =>
                {
                    using var rsa = RSA.Create(2048);
                    return rsa.ExportRSAPrivateKeyPem();
                },
                logger);
            encryptionKey ??= SecretFile.ReadOrCreate(
                Path.Combine(folder, "encryption-key.txt"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), logger);
        }

        var rsaKey = RSA.Create();
        rsaKey.ImportFromPem(signingPem!);
        var signing = new RsaSecurityKey(rsaKey) { KeyId = KeyIdOf(rsaKey) };
        var encryption = string.IsNullOrWhiteSpace(encryptionKey)
            ? null
            : new SymmetricSecurityKey(Convert.FromBase64String(encryptionKey.Trim()));
        return new TokenKeys(signing, encryption, issuer, audience);
    }

    /// <summary>A stable key id derived from the public key, so that every process names the key alike.</summary>
    private static string KeyIdOf(RSA rsa) =>
        Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];
}
