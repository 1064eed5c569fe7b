using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Cryptography;
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
/// until every data key has been rewrapped. The key is 32 bytes under either crypto suite (<c>Crypto:Suite</c>): the
/// sealer derives each suite's wrapping key from it, so moving to <c>sm-1</c> needs no new secret.
/// </remarks>
internal static class SealingKey
{
    public const string Setting = "Bidding:SealingKey";
    public const string IdSetting = "Bidding:SealingKeyId";
    public const string RetiredSetting = "Bidding:RetiredSealingKeys";
    public const string DefaultKeyId = "k1";

    public const string DevelopmentFile = "bid-sealing-key.txt";

    /// <summary>
    /// The configured keys, checked now: a missing or malformed key stops the host as it is built, not at the first bid.
    /// The sealer itself is made from them once the crypto suites are known (<see cref="SealingKeys.SealerFor"/>).
    /// </summary>
    /// <param name="logger">Told when the development key file had to be narrowed to its owner.</param>
    public static SealingKeys Read(IConfiguration configuration, IHostEnvironment environment, ILogger? logger = null)
    {
        var configured = DevelopmentSecret.Resolve(
            configuration, environment, Setting, DevelopmentFile, BidSealer.MasterKeySize, "base64 of 32 random bytes", logger);

        var keyId = configuration[IdSetting];
        keyId = string.IsNullOrWhiteSpace(keyId) ? DefaultKeyId : keyId.Trim();
        var retired = configuration.GetSection(RetiredSetting).GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => Decode($"{RetiredSetting}:{c.Key}", c.Value!), StringComparer.Ordinal);
        var current = Decode(Setting, configured);
        BidSealer.CheckMasterKey(keyId, current);
        foreach (var (id, key) in retired)
        {
            BidSealer.CheckMasterKey(id, key);
        }

        return new SealingKeys(keyId, current, retired);
    }

    private static byte[] Decode(string setting, string value) =>
        DevelopmentSecret.DecodeKey(setting, value, BidSealer.MasterKeySize);
}

/// <summary>The master keys as configured: the current one under its id, and the retired ones still needed to unwrap.</summary>
internal sealed record SealingKeys(string CurrentKeyId, byte[] Current, IReadOnlyDictionary<string, byte[]> Retired)
{
    public BidSealer SealerFor(CryptoSuites suites) => new(suites, CurrentKeyId, Current, Retired);
}
