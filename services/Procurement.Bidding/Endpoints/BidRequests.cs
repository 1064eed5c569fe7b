using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Bidding.Endpoints;

/// <summary>A bid's content as the agency sends it; the abnormally-low flag is worked out by the platform.</summary>
public sealed record BidContentRequest(
    decimal? Price, CostBreakdown? Costs, StaffingLine[]? Staffing, string? TechnicalProposal, string? AbnormallyLowExplanation)
{
    /// <summary>The draft, or a 400 naming every missing part. The rules themselves (422) are the domain's.</summary>
    public BidDraft ToDraft(FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        if (Price is null)
        {
            errors.Add("price", "required");
        }

        if (Costs is null)
        {
            errors.Add("costs", "required");
        }

        if (Staffing is null)
        {
            errors.Add("staffing", "required");
        }

        errors.Required("technicalProposal", TechnicalProposal, maxLength: 100_000);
        if (AbnormallyLowExplanation is { Length: > 10_000 })
        {
            errors.Add("abnormallyLowExplanation", "max_length", 10_000);
        }

        errors.ThrowIfAny();
        return new BidDraft(Price!.Value, Costs!, [.. Staffing!], TechnicalProposal!, AbnormallyLowExplanation);
    }
}

/// <summary>A first submission: the tender and the content.</summary>
public sealed record SubmitBidRequest(Guid? TenderId, BidContentRequest? Content)
{
    public (Guid TenderId, BidDraft Draft) Validate()
    {
        var errors = new FieldErrors().Required("tenderId", TenderId);
        if (Content is null)
        {
            errors.Add("content", "required");
            errors.ThrowIfAny();
        }

        // The draft first: it throws with every bad field, tenderId among them, before the id is read.
        var draft = Content!.ToDraft(errors);
        return (TenderId!.Value, draft);
    }
}

/// <summary>A revision; <c>version</c>, when sent, must be the bid's current version (else 409).</summary>
public sealed record ReviseBidRequest(BidContentRequest? Content, int? Version)
{
    public BidDraft Validate()
    {
        if (Content is null)
        {
            new FieldErrors().Add("content", "required").ThrowIfAny();
        }

        return Content!.ToDraft();
    }
}

/// <summary>What the agency keeps as proof: bid id, version, server time and SHA-256 of the sealed content as stored.</summary>
public sealed record BidReceiptResponse(Guid BidId, Guid TenderId, int Version, DateTimeOffset ServerTime, string Sha256, BidStatus Status)
{
    public static BidReceiptResponse From(Bid bid) => new(bid.Id, bid.TenderId, bid.Version, bid.SubmittedAt, bid.ReceiptHash, bid.Status);
}

/// <summary>An agency's own bid with its content, unsealed for the owner alone (and audited as such).</summary>
public sealed record OwnBidResponse(
    Guid BidId, Guid TenderId, string TenderTitle, DateTimeOffset BidDeadline, BidStatus Status, int Version, BidReceiptResponse Receipt,
    DateTimeOffset FirstSubmittedAt, DateTimeOffset? WithdrawnAt, DateTimeOffset? OpenedAt, BidContent Content);

public sealed record OpeningEntryResponse(Guid BidId, Guid AgencyId, string AgencyName, decimal Price, string ReceiptHash, int BidVersion);

public sealed record OpeningRecordResponse(Guid TenderId, string TenderTitle, DateTimeOffset OpenedAt, IReadOnlyList<OpeningEntryResponse> Bids);

public sealed record AuditVerificationResponse(long RowsChecked, bool Intact, long? FirstBrokenSequence, string? Problem);
