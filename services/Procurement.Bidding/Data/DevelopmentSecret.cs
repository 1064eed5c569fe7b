using System.Security.Cryptography;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Data;

/// <summary>
/// A secret setting of Bidding's (the sealing key, the ID-number pepper): from configuration, or — in Development
/// only — created once in the data folder's <c>keys</c> folder, readable by its owner only (<see cref="SecretFile"/>).
/// </summary>
internal static class DevelopmentSecret
{
    /// <returns>The configured value, or the development file's: base64 of <paramref name="randomBytes"/> random bytes.</returns>
    /// <param name="description">What the setting must hold, for the refusal outside Development.</param>
    public static string Resolve(
        IConfiguration configuration, IHostEnvironment environment, string setting, string fileName, int randomBytes, string description, ILogger? logger)
    {
        var configured = configuration[setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{setting} must be configured outside Development ({description}).");
        }

        return SecretFile.ReadOrCreate(
            Path.Combine(DataDirectory.Resolve(configuration), "keys", fileName),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(randomBytes)),
            logger);
    }
}
