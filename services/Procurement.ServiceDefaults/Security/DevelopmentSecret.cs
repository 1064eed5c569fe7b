using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// A secret setting of a service (Bidding's sealing key and ID-number pepper, Contracting's signing key): from
/// configuration, or — in Development only — created once in the data folder's <c>keys</c> folder, readable by its
/// owner only (<see cref="SecretFile"/>).
/// </summary>
public static class DevelopmentSecret
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

    /// <summary>A key setting's base64 value as exactly <paramref name="size"/> bytes; refused naming the setting otherwise.</summary>
    /// <param name="algorithm">Named in the refusal when the size is wrong (e.g. "AES-256").</param>
    public static byte[] DecodeKey(string setting, string value, int size, string? algorithm = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{setting} must be base64.", exception);
        }

        return key.Length == size
            ? key
            : throw new InvalidOperationException(
                $"{setting} must hold exactly {size} bytes{(algorithm is null ? "" : $" ({algorithm})")}; it holds {key.Length}.");
    }
}
