using System.Security.Cryptography;
using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Bidding.Data;

/// <summary>
/// The secret key ID numbers are hashed under (<c>Bidding:IdNumberPepper</c>, base64 of at least 32 bytes).
/// It must be the same for every Bidding process and outlive restarts, or the same person would hash
/// differently and slip past the duplicate checks; so it comes from configuration (a Kubernetes secret),
/// and only in Development is a missing one created once in the data folder, as the token keys are.
/// It is never stored in the database: a dump without it cannot be turned back into ID numbers.
/// </summary>
internal static class IdNumberPepper
{
    public const string Setting = "Bidding:IdNumberPepper";

    public static IdNumberProtector CreateProtector(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"{Setting} must be configured outside Development (base64 of at least 32 random bytes).");
            }

            configured = ReadOrCreate(Path.Combine(DataDirectory.Resolve(configuration), "keys", "id-number-pepper.txt"));
        }

        byte[] pepper;
        try
        {
            pepper = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{Setting} must be base64.", exception);
        }

        return pepper.Length >= IdNumberProtector.MinimumPepperBytes
            ? new IdNumberProtector(pepper)
            : throw new InvalidOperationException($"{Setting} must hold at least {IdNumberProtector.MinimumPepperBytes} bytes.");
    }

    private static string ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        try
        {
            // Another process sharing the folder may have written it first: then theirs is kept.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
