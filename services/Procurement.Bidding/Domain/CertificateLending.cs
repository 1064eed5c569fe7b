using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Domain;

/// <summary>
/// Certificate lending (挂证, DOMAIN.md §12): a social-work certificate number belongs to one person, so a number already
/// on record for another person — on this agency's roster or any other's, active or deactivated — is not taken for a
/// worker being enrolled or given a new number.
/// </summary>
/// <remarks>
/// <para>
/// "Another person" is another national ID number. The roster keeps that number only as its
/// <see cref="SocialWorker.IdLookupHash"/>: the HMAC-SHA256 under the deployment's pepper (<see cref="IdNumberProtector"/>),
/// the same for one number on every roster. So a roster row whose lookup hash differs is another person, and a row with
/// the same lookup hash is the same person, whichever agency or row id holds it: a person on two agencies' rosters (part
/// time at each, as the FTE rule allows) carries their one certificate on both, and a worker re-saved with their own
/// number is not refused by their own row. Display names say nothing here (two people share a name; one person is
/// spelt two ways).
/// </para>
/// <para>
/// Numbers are compared normalised (<see cref="Normalise"/>): trimmed, letters without regard to case, as the issuing
/// authority writes them either way. The refusal says only that the number is registered to someone else: not whose,
/// not at which agency, not since when — each would tell one agency about another's staff.
/// </para>
/// </remarks>
public static class CertificateLending
{
    public const string Code = "certificate_registered_to_another_person";

    public const string Field = "certificateNumber";

    /// <summary>
    /// The number as it is compared: trimmed, ASCII letters upper-cased — what SQL's <c>UPPER</c> does on SQLite too, so the
    /// query matches the same numbers on both providers (certificate numbers are ASCII).
    /// </summary>
    public static string Normalise(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return string.Concat(number.Trim().Select(c => char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c));
    }

    /// <summary>Refuses (<see cref="Code"/>, 422 on <see cref="Field"/>) when the number is on record for another person.</summary>
    public static void EnsureNotHeldByAnother(bool heldByAnotherPerson)
    {
        if (heldByAnotherPerson)
        {
            throw new RuleViolationException(Code, Field);
        }
    }
}
