using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain;

namespace Procurement.Bidding.Data;

internal static class CertificateRecords
{
    /// <summary>
    /// Whether <paramref name="certificateNumber"/> is on record, normalised, for a person other than the one whose ID lookup
    /// hash is <paramref name="idLookupHash"/>, on any agency's roster (<see cref="CertificateLending"/>).
    /// </summary>
    public static Task<bool> CertificateHeldByAnotherAsync(
        this BiddingDb db, string certificateNumber, string idLookupHash, CancellationToken cancellationToken)
    {
        var key = CertificateLending.Normalise(certificateNumber);
        return db.SocialWorkers.AsNoTracking().AnyAsync(
            w => w.CertificateNumber != null && w.CertificateNumber.Trim().ToUpper() == key && w.IdLookupHash != idLookupHash,
            cancellationToken);
    }

    /// <summary>
    /// Refuses the next save if, when it commits, <paramref name="worker"/>'s certificate number is on record for another
    /// person: checked in the save's transaction (<see cref="BiddingDb.CommitCheck"/>), so two agencies enrolling the same
    /// number at once cannot both pass. A worker without a number is not checked.
    /// </summary>
    public static void CheckCertificateOnSave(this BiddingDb db, SocialWorker worker)
    {
        if (worker.CertificateNumber is not { } number)
        {
            return;
        }

        var person = worker.IdLookupHash;
        db.CommitCheck = async ct => CertificateLending.EnsureNotHeldByAnother(await db.CertificateHeldByAnotherAsync(number, person, ct));
    }
}
