using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Bidding.Data;

/// <summary>
/// The master key tender data keys are wrapped under (<c>Bidding:SealingKey</c>, base64 of exactly 32 bytes,
/// named by <c>Bidding:SealingKeyId</c>, default <c>k1</c>). Like the ID pepper it comes from configuration (a
/// Kubernetes secret) and is never stored in the database: a database dump alone opens no bid. Only in
/// Development is a missing key created once in the data folder, readable by its owner only.
/// </summary>
/// <remarks>
/// Losing the key before opening makes every sealed bid unreadable; back it up apart from the database.
/// To rotate, configure the new key and id and list the old one under <c>Bidding:RetiredSealingKeys:{id}</c>
/// until every data key has been rewrapped.
/// </remarks>
internal static class SealingKey
{
    public const string Setting = "Bidding:SealingKey";
    public const string IdSetting = "Bidding:SealingKeyId";
    public const string RetiredSetting = "Bidding:RetiredSealingKeys";
    public const string DefaultKeyId = "k1";

    public const string DevelopmentFile = "bid-sealing-key.txt";

    /// <param name="logger">Told when the development key file had to be narrowed to its owner.</param>
    public static BidSealer CreateSealer(IConfiguration configuration, IHostEnvironment environment, ILogger? logger = null)
    {
        var configured = DevelopmentSecret.Resolve(
            configuration, environment, Setting, DevelopmentFile, BidSealer.MasterKeySize, "base64 of 32 random bytes", logger);

        var keyId = configuration[IdSetting];
        keyId = string.IsNullOrWhiteSpace(keyId) ? DefaultKeyId : keyId.Trim();
        var retired = configuration.GetSection(RetiredSetting).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => Decode($"{RetiredSetting}:{c.Key}", c.Value!), StringComparer.Ordinal);
        return new BidSealer(keyId, Decode(Setting, configured), retired);
    }

    private static byte[] Decode(string setting, string value) =>
        DevelopmentSecret.DecodeKey(setting, value, BidSealer.MasterKeySize, "AES-256");
}
