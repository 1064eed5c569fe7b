namespace Procurement.Bidding.Domain;

/// <summary>A <c>TenderCancelled</c> that arrived before its <c>TenderPublished</c>: remembered so the publication opens nothing.</summary>
public sealed class EarlyCancellation
{
    private EarlyCancellation()
    {
    }

    public Guid TenderId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset CancelledAt { get; private set; }

    public static EarlyCancellation Of(Guid tenderId, string reason, DateTimeOffset cancelledAt) => new()
    {
        TenderId = tenderId,
        Reason = reason.Length <= 1000 ? reason : reason[..1000],
        CancelledAt = cancelledAt,
    };
}
