using System.Security.Cryptography;
using System.Text;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// Seals bid content under a per-tender data key with the crypto suite of that key (AES-256-GCM under <c>std-1</c>,
/// SM4-GCM under <c>sm-1</c>; 12-byte random nonce, 16-byte tag), and wraps each data key under a master key from
/// configuration (<c>Bidding:SealingKey</c>). New tenders get a key of the configured suite
/// (<see cref="CryptoSuites.Current"/>); everything stored is opened with the suite it names, never the current one.
/// </summary>
/// <remarks>
/// Master keys rotate: construct the sealer with the current key (which wraps every new data key) and
/// the retired keys still needed to unwrap older ones, each under its id. <see cref="Rewrap"/> moves a
/// data key to the current master key; once every key is rewrapped, a retired key can be dropped from
/// configuration. Bid ciphertexts never need re-encrypting for a master-key rotation.
/// A master key is 32 random bytes whichever suite is configured; each suite wraps with a key of its own size derived
/// from it (<see cref="WrappingKey"/>), so a deployment changes <c>Crypto:Suite</c> without touching its secrets.
/// Plaintext data keys live only inside one call and are zeroed afterwards.
/// </remarks>
public sealed class BidSealer
{
    public const int MasterKeySize = 32;
    public const int MaxKeyIdLength = 64;

    private readonly CryptoSuites _suites;
    private readonly Dictionary<string, byte[]> _masterKeys = new(StringComparer.Ordinal);

    public BidSealer(CryptoSuites suites, string keyId, byte[] masterKey, IReadOnlyDictionary<string, byte[]>? retiredKeys = null)
    {
        ArgumentNullException.ThrowIfNull(suites);
        _suites = suites;
        CurrentKeyId = Add(keyId, masterKey);
        foreach (var (id, key) in retiredKeys ?? new Dictionary<string, byte[]>())
        {
            if (!string.Equals(id, keyId, StringComparison.Ordinal))
            {
                Add(id, key);
            }
        }
    }

    /// <summary>The master key id new data keys are wrapped under.</summary>
    public string CurrentKeyId { get; }

    /// <summary>
    /// Refuses a master key the sealer would refuse, for configuration to check at start rather than at the first bid.
    /// </summary>
    /// <exception cref="ArgumentException">The id is empty, too long or has spaces, or the key is not 32 bytes.</exception>
    public static void CheckMasterKey(string keyId, byte[] masterKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(masterKey);
        if (keyId.Length > MaxKeyIdLength || keyId.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A sealing key id is at most {MaxKeyIdLength} characters without spaces.", nameof(keyId));
        }

        if (masterKey.Length != MasterKeySize)
        {
            throw new ArgumentException($"The sealing key '{keyId}' must be {MasterKeySize} bytes; it is {masterKey.Length}.", nameof(masterKey));
        }
    }

    /// <summary>A fresh random data key of the current suite for a tender, wrapped under the current master key.</summary>
    public TenderDataKey CreateDataKey(Guid tenderId, DateTimeOffset now)
    {
        var suite = _suites.Current;
        var keyId = Guid.CreateVersion7();
        var plain = suite.CreateSealingKey();
        try
        {
            return new TenderDataKey(tenderId, keyId, suite.Id, CurrentKeyId, Wrap(suite, tenderId, keyId, plain), now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Unwraps a data key with the master key it names and wraps it again under the current one, with the key's own
    /// suite; true if it changed. The data key itself (and so every bid sealed under it) stays the same.
    /// </summary>
    public bool Rewrap(TenderDataKey key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.Equals(key.MasterKeyId, CurrentKeyId, StringComparison.Ordinal))
        {
            return false;
        }

        var plain = Unwrap(key);
        try
        {
            key.Rewrapped(CurrentKeyId, Wrap(SuiteOf(key), key.TenderId, key.KeyId, plain), now);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Encrypts bid content for one version of one bid of the key's tender, with the key's suite.</summary>
    public SealedContent Seal(TenderDataKey key, Guid bidId, int version, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        var suite = SuiteOf(key);
        var associatedData = SealedContent.AssociatedData(SealedContent.CurrentFormat, suite.Id, key.TenderId, bidId, version, key.KeyId);
        var dataKey = Unwrap(key);
        try
        {
            return SealedContent.Of(key.KeyId, suite.Seal(dataKey, plaintext, associatedData));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Opens the stored bytes of one version of one bid and returns them with the audit record of the
    /// opening. Whether <paramref name="request"/> may open them at all is the bid's decision
    /// (<see cref="Bid.Unseal"/>); this only does the cryptography and fills in the record.
    /// </summary>
    /// <exception cref="SealBrokenException">A changed byte, content moved from another bid, version or tender, or the wrong key.</exception>
    public UnsealedContent Unseal(TenderDataKey key, Guid bidId, int version, byte[] storedBytes, UnsealRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(storedBytes);
        ArgumentNullException.ThrowIfNull(request);
        request.Check();
        var sealedContent = SealedContent.FromBytes(storedBytes);
        if (sealedContent.DataKeyId != key.KeyId)
        {
            throw new SealBrokenException(
                $"Bid {bidId} version {version} is sealed under data key {sealedContent.DataKeyId}, not the tender's key {key.KeyId}.");
        }

        // A tender seals with its key's suite only: bytes that name another suite were not sealed here.
        if (!string.Equals(sealedContent.SuiteId, key.Suite, StringComparison.Ordinal))
        {
            throw new SealBrokenException(
                $"Bid {bidId} version {version} names crypto suite '{sealedContent.SuiteId}', but the data key of tender {key.TenderId} is for '{key.Suite}'.");
        }

        var suite = SuiteOf(key);
        byte[] plaintext;
        var dataKey = Unwrap(key);
        try
        {
            plaintext = suite.Open(
                dataKey, sealedContent.Box,
                SealedContent.AssociatedData(sealedContent.Format, sealedContent.SuiteId, key.TenderId, bidId, version, key.KeyId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SealBrokenException(
                $"The sealed content of bid {bidId} version {version} (tender {key.TenderId}) does not authenticate: "
                + "it was changed, or copied from another bid, version or tender.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        var record = new UnsealRecord(
            key.TenderId, bidId, version, request.ActorId, request.ActorOrganisationId, request.Purpose, request.Reason, now,
            SealedContent.Sha256Hex(storedBytes));
        return new UnsealedContent(plaintext, record);
    }

    private string Add(string keyId, byte[] masterKey)
    {
        CheckMasterKey(keyId, masterKey);
        _masterKeys[keyId] = [.. masterKey];
        return keyId;
    }

    /// <exception cref="KeyNotFoundException">The key names a suite this version of the platform does not know.</exception>
    private CryptoSuite SuiteOf(TenderDataKey key) => _suites.Get(key.Suite);

    private byte[] Wrap(CryptoSuite suite, Guid tenderId, Guid keyId, byte[] plainKey)
    {
        var wrappingKey = WrappingKey(_masterKeys[CurrentKeyId], suite);
        try
        {
            var box = suite.Seal(
                wrappingKey, plainKey, TenderDataKey.AssociatedData(TenderDataKey.CurrentFormat, tenderId, keyId, suite.Id, CurrentKeyId));
            return [TenderDataKey.CurrentFormat, .. box.Nonce, .. box.Tag, .. box.Ciphertext];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrappingKey);
        }
    }

    private byte[] Unwrap(TenderDataKey key)
    {
        if (!_masterKeys.TryGetValue(key.MasterKeyId, out var masterKey))
        {
            // Configuration, not tampering: the key this data key was wrapped under has been dropped too early.
            throw new InvalidOperationException(
                $"The data key of tender {key.TenderId} is wrapped under sealing key '{key.MasterKeyId}', which is not configured "
                + $"(configured: {string.Join(", ", _masterKeys.Keys)}). Restore it as a retired key.");
        }

        var suite = SuiteOf(key);
        var wrapped = key.WrappedKey;
        var format = wrapped.Length == 0 ? (byte)0 : wrapped[0];
        var firstFormat = format == TenderDataKey.FirstFormat && suite.Id == NistSuite.SuiteId;
        if (!(firstFormat || format == TenderDataKey.CurrentFormat)
            || wrapped.Length != 1 + CryptoSuite.NonceSize + CryptoSuite.TagSize + suite.SealingKeySize)
        {
            throw new SealBrokenException($"The wrapped data key of tender {key.TenderId} has the wrong length or format for crypto suite '{suite.Id}'.");
        }

        const int tagAt = 1 + CryptoSuite.NonceSize;
        const int keyAt = tagAt + CryptoSuite.TagSize;
        var box = new SealedBox(suite.Id, wrapped[1..tagAt], wrapped[keyAt..], wrapped[tagAt..keyAt]);

        // The first format wrapped with AES-256-GCM under the master key itself (an AES-256 key, as std-1's is).
        var wrappingKey = firstFormat ? masterKey : WrappingKey(masterKey, suite);
        try
        {
            return suite.Open(wrappingKey, box, TenderDataKey.AssociatedData(format, key.TenderId, key.KeyId, suite.Id, key.MasterKeyId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new SealBrokenException(
                $"The data key of tender {key.TenderId} does not unwrap under sealing key '{key.MasterKeyId}': "
                + "the wrapped key was changed or belongs to another tender, or the configured key is not the one it was wrapped with.", e);
        }
        finally
        {
            if (!firstFormat)
            {
                CryptographicOperations.ZeroMemory(wrappingKey);
            }
        }
    }

    /// <summary>
    /// The key that wraps data keys of <paramref name="suite"/>: the suite's own hash of the master key, a label and the
    /// suite id, cut to the suite's key size (as Contracting derives the key that seals signing keys). The operator keeps
    /// one 32-byte secret whichever suite is chosen; no key serves two ciphers; and under <c>sm-1</c> an SM4 data key is
    /// wrapped by SM4 under a key SM3 derived, with no algorithm of the other suite involved.
    /// </summary>
    private static byte[] WrappingKey(byte[] masterKey, CryptoSuite suite)
    {
        byte[] input = [.. masterKey, .. Encoding.ASCII.GetBytes("procurement/tender-data-key-wrap/" + suite.Id)];
        var hash = suite.Hash(input);
        try
        {
            return hash[..suite.SealingKeySize];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(hash);
        }
    }
}
