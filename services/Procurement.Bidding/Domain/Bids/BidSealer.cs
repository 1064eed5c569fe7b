using System.Security.Cryptography;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// Seals bid content under a per-tender data key (AES-256-GCM, 12-byte random nonce, 16-byte tag) and
/// wraps each data key under a master key from configuration (<c>Bidding:SealingKey</c>).
/// </summary>
/// <remarks>
/// Master keys rotate: construct the sealer with the current key (which wraps every new data key) and
/// the retired keys still needed to unwrap older ones, each under its id. <see cref="Rewrap"/> moves a
/// data key to the current master key; once every key is rewrapped, a retired key can be dropped from
/// configuration. Bid ciphertexts never need re-encrypting for a master-key rotation.
/// Plaintext data keys live only inside one call and are zeroed afterwards.
/// </remarks>
public sealed class BidSealer
{
    public const int MasterKeySize = 32;
    public const int MaxKeyIdLength = 64;

    private readonly Dictionary<string, byte[]> _masterKeys = new(StringComparer.Ordinal);

    public BidSealer(string keyId, byte[] masterKey, IReadOnlyDictionary<string, byte[]>? retiredKeys = null)
    {
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

    /// <summary>A fresh random data key for a tender, wrapped under the current master key.</summary>
    public TenderDataKey CreateDataKey(Guid tenderId, DateTimeOffset now)
    {
        var keyId = Guid.CreateVersion7();
        var plain = RandomNumberGenerator.GetBytes(TenderDataKey.KeySize);
        try
        {
            return new TenderDataKey(tenderId, keyId, CurrentKeyId, Wrap(tenderId, keyId, plain), now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>
    /// Unwraps a data key with the master key it names and wraps it again under the current one; true if
    /// it changed. The data key itself (and so every bid sealed under it) stays the same.
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
            key.Rewrapped(CurrentKeyId, Wrap(key.TenderId, key.KeyId, plain), now);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>Encrypts bid content for one version of one bid of the key's tender.</summary>
    public SealedContent Seal(TenderDataKey key, Guid bidId, int version, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(key);
        var nonce = RandomNumberGenerator.GetBytes(SealedContent.NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[SealedContent.TagSize];
        var dataKey = Unwrap(key);
        try
        {
            using var aes = new AesGcm(dataKey, SealedContent.TagSize);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, SealedContent.AssociatedData(key.TenderId, bidId, version, key.KeyId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }

        return new SealedContent(key.KeyId, nonce, ciphertext, tag);
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

        var plaintext = new byte[sealedContent.Ciphertext.Length];
        var dataKey = Unwrap(key);
        try
        {
            using var aes = new AesGcm(dataKey, SealedContent.TagSize);
            aes.Decrypt(
                sealedContent.Nonce, sealedContent.Ciphertext, sealedContent.Tag, plaintext,
                SealedContent.AssociatedData(key.TenderId, bidId, version, key.KeyId));
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
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        ArgumentNullException.ThrowIfNull(masterKey);
        if (keyId.Length > MaxKeyIdLength || keyId.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"A sealing key id is at most {MaxKeyIdLength} characters without spaces.", nameof(keyId));
        }

        if (masterKey.Length != MasterKeySize)
        {
            throw new ArgumentException($"The sealing key '{keyId}' must be {MasterKeySize} bytes (AES-256); it is {masterKey.Length}.", nameof(masterKey));
        }

        _masterKeys[keyId] = [.. masterKey];
        return keyId;
    }

    private byte[] Wrap(Guid tenderId, Guid keyId, byte[] plainKey)
    {
        var wrapped = new byte[TenderDataKey.WrappedSize];
        wrapped[0] = TenderDataKey.Format;
        var nonce = wrapped.AsSpan(1, SealedContent.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_masterKeys[CurrentKeyId], SealedContent.TagSize);
        aes.Encrypt(
            nonce, plainKey, wrapped.AsSpan(1 + SealedContent.NonceSize + SealedContent.TagSize),
            wrapped.AsSpan(1 + SealedContent.NonceSize, SealedContent.TagSize),
            TenderDataKey.AssociatedData(tenderId, keyId, CurrentKeyId));
        return wrapped;
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

        var wrapped = key.WrappedKey;
        if (wrapped.Length != TenderDataKey.WrappedSize || wrapped[0] != TenderDataKey.Format)
        {
            throw new SealBrokenException($"The wrapped data key of tender {key.TenderId} has the wrong length or format.");
        }

        var plain = new byte[TenderDataKey.KeySize];
        try
        {
            using var aes = new AesGcm(masterKey, SealedContent.TagSize);
            aes.Decrypt(
                wrapped.AsSpan(1, SealedContent.NonceSize), wrapped.AsSpan(1 + SealedContent.NonceSize + SealedContent.TagSize),
                wrapped.AsSpan(1 + SealedContent.NonceSize, SealedContent.TagSize), plain,
                TenderDataKey.AssociatedData(key.TenderId, key.KeyId, key.MasterKeyId));
        }
        catch (AuthenticationTagMismatchException e)
        {
            CryptographicOperations.ZeroMemory(plain);
            throw new SealBrokenException(
                $"The data key of tender {key.TenderId} does not unwrap under sealing key '{key.MasterKeyId}': "
                + "the wrapped key was changed or belongs to another tender, or the configured key is not the one it was wrapped with.", e);
        }

        return plain;
    }
}
