using Procurement.Bidding.Domain;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Data;

/// <summary>
/// The secret key ID numbers are hashed under (<c>Bidding:IdNumberPepper</c>, base64 of at least 32 bytes).
/// It must be the same for every Bidding process and outlive restarts, or the same person would hash
/// differently and slip past the duplicate checks; so it comes from configuration (a Kubernetes secret),
/// and only in Development is a missing one created once in the data folder, owner-only, as the token keys are.
/// It is never stored in the database: a dump without it cannot be turned back into ID numbers.
/// </summary>
internal static class IdNumberPepper
{
    public const string Setting = "Bidding:IdNumberPepper";

    public const string DevelopmentFile = "id-number-pepper.txt";

    /// <param name="logger">Told when the development pepper file had to be narrowed to its owner.</param>
    public static IdNumberProtector CreateProtector(IConfiguration configuration, IHostEnvironment environment, ILogger? logger = null)
    {
        var configured = DevelopmentSecret.Resolve(
            configuration, environment, Setting, DevelopmentFile, IdNumberProtector.MinimumPepperBytes, "base64 of at least 32 random bytes", logger);

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
}
