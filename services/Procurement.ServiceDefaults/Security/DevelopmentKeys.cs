using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// Refuses, outside Development, a configured key that equals one a Development host created in the data folder
/// (<c>{Storage:DataDirectory}/keys/</c>: token keys, Bidding's sealing key and ID pepper). Such a key sits in a plain
/// file beside the databases, so whoever copied the folder holds it; copying it into a production secret is the
/// mistake this catches. Keys are compared by what they are, not how they are written: an RSA key by its public key
/// (a validator configured with the public half of a development key is refused too), base64 by its bytes.
/// </summary>
public static class DevelopmentKeys
{
    public const string Folder = "keys";

    /// <summary>
    /// Throws, naming every setting among <paramref name="settings"/> (and the keys under it, e.g. retired keys) whose
    /// value is a development key; does nothing in Development.
    /// </summary>
    public static void RefuseOutsideDevelopment(IConfiguration configuration, IHostEnvironment environment, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return;
        }

        var found = Found(configuration, settings);
        if (found.Count > 0)
        {
            throw new InvalidOperationException(
                "Refusing to start outside Development with a development key. " + string.Join(" ", found.Select(f =>
                    $"{f.Setting} equals the development key {f.File}, which a Development host created in the data folder: "
                    + $"configure {f.Setting} with a key of its own (a new random key from the secret store, see k8s/README.md).")));
        }
    }

    /// <summary>The settings whose value is a development key, with the file holding that key.</summary>
    public static IReadOnlyList<(string Setting, string File)> Found(IConfiguration configuration, IEnumerable<string> settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Path.Combine(Path.GetFullPath(configuration[DataDirectory.Setting] ?? "data"), Folder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var developmentKeys = Directory.EnumerateFiles(folder)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => (File: f, Fingerprint: Fingerprint(File.ReadAllText(f))))
            .ToList();
        return [.. settings
            .SelectMany(s => configuration.GetSection(s).AsEnumerable())
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .SelectMany(pair => developmentKeys.Where(k => k.Fingerprint == Fingerprint(pair.Value!)).Select(k => (pair.Key, k.File)))
            .Distinct()
            .OrderBy(f => f.Key, StringComparer.Ordinal)];
    }

    /// <summary>What a key is, whatever its layout: an RSA key's public key, base64's bytes, else the trimmed text.</summary>
    private static string Fingerprint(string value)
    {
        var text = value.Trim();
        if (text.Contains("-----BEGIN", StringComparison.Ordinal) && PublicKeyOf(text) is { } publicKey)
        {
            return "rsa:" + Convert.ToHexString(SHA256.HashData(publicKey));
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written)
            ? "bytes:" + Convert.ToHexString(SHA256.HashData(bytes.AsSpan(0, written)))
            : "text:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static byte[]? PublicKeyOf(string pem)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            // Not an RSA key in PEM (TokenKeys refuses it with its own message): compared as text.
            return null;
        }

        return rsa.ExportSubjectPublicKeyInfo();
    }
}
