using System.Security.Cryptography;
using System.Text;

namespace Procurement.Bidding.Domain;

/// <summary>What the platform keeps of a national ID number: a keyed hash to match on, and the last four characters.</summary>
/// <param name="LookupHash">HMAC-SHA256 of the number under the deployment's pepper, 64 upper-case hex digits.</param>
/// <param name="LastFour">The last four characters, for people to tell workers apart on screen.</param>
public sealed record ProtectedIdNumber(string LookupHash, string LastFour)
{
    public const int HashLength = 64;
}

/// <summary>
/// Turns a national ID number into a <see cref="ProtectedIdNumber"/>; the raw number goes no further.
/// </summary>
/// <remarks>
/// Why one keyed hash and no per-record salt: the hash exists so the platform can recognise the same
/// person on two rosters (no double counting, DOMAIN.md §4) and twice on one roster. That needs the same
/// number to give the same hash everywhere, which a per-record random salt prevents. The protection a salt
/// gives — a database dump cannot be brute-forced — comes here from the pepper: a secret key held in
/// configuration (<c>Bidding:IdNumberPepper</c>, a Kubernetes secret), never in the database, so the
/// HMAC is a salted hash in the sense the issue asks for. A per-record salted hash stored beside it would
/// add nothing: ID numbers are few enough (≈ 10^10 plausible ones) that whoever holds the pepper can
/// brute-force either hash alike, and whoever does not can brute-force neither. Losing the pepper makes
/// every hash unmatchable, so it is backed up like the database; rotating it means re-collecting numbers.
/// </remarks>
public sealed class IdNumberProtector
{
    public const int MinimumPepperBytes = 32;

    private readonly byte[] _pepper;

    public IdNumberProtector(byte[] pepper)
    {
        ArgumentNullException.ThrowIfNull(pepper);
        if (pepper.Length < MinimumPepperBytes)
        {
            throw new ArgumentException($"The ID number pepper must be at least {MinimumPepperBytes} bytes.", nameof(pepper));
        }

        _pepper = [.. pepper];
    }

    public ProtectedIdNumber Protect(NationalIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var hash = HMACSHA256.HashData(_pepper, Encoding.ASCII.GetBytes(number.Value));
        return new ProtectedIdNumber(Convert.ToHexString(hash), number.LastFour);
    }

    /// <summary>
    /// The keyed hashes of the double-counting register, under a key derived from the pepper (HKDF-SHA256 with its
    /// own label), so the register needs no secret of its own and no tag can be turned into a lookup hash or back.
    /// </summary>
    public Bids.CommitmentTags CreateCommitmentTags()
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, _pepper, 32, info: "procurement/staff-commitments/v1"u8.ToArray());
        try
        {
            return new Bids.CommitmentTags(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
