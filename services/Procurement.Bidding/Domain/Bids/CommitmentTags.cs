using System.Security.Cryptography;
using System.Text;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>
/// The keyed hashes the double-counting register (<see cref="StaffCommitment"/>) stores instead of names and links:
/// who is committed (<see cref="Person"/>) and to what (<see cref="Bid"/>, <see cref="Contract"/>). HMAC-SHA256 under a
/// key derived from the ID-number pepper (HKDF, its own label), 64 upper-case hex digits.
/// </summary>
/// <remarks>
/// Why not the roster's ID lookup hash and the bid's id, as before: both join in the clear — the lookup hash to the
/// roster (a name, an agency), the bid id to its <c>Bids</c> row (the agency and the tender). Together a database
/// reader could rebuild every open bid's staffing plan, names and FTE, before opening. Under these tags a register row
/// says only that some person has some FTE committed to something; only the service, holding the pepper, can ask
/// "how much of this person is committed" or "which rows are this bid's". The same person on two rosters still has one
/// tag, since it is computed from the lookup hash, so double counting is caught across agencies as before.
/// </remarks>
public sealed class CommitmentTags
{
    public const int TagLength = 64;

    private readonly byte[] _key;

    public CommitmentTags(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("The commitment tag key must be at least 32 bytes.", nameof(key));
        }

        _key = [.. key];
    }

    /// <summary>The person, from the ID lookup hash any roster row of theirs carries.</summary>
    public string Person(string idLookupHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idLookupHash);
        return Tag("person", idLookupHash.ToUpperInvariant());
    }

    /// <summary>An open bid's commitment.</summary>
    public string Bid(Guid bidId) => Tag("bid", bidId.ToString("N"));

    /// <summary>An active contract's commitment.</summary>
    public string Contract(Guid contractId) => Tag("contract", contractId.ToString("N"));

    private string Tag(string kind, string value) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"procurement/staff-commitments/v1/{kind}/{value}")));
}
