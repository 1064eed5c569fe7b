using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Bidding.Domain.Bids;

/// <summary>The price split the way the purchaser's budget is (人员费用, 活动费用, 管理费用, 其他), CNY.</summary>
public sealed record CostBreakdown(decimal Personnel, decimal Activities, decimal Administration, decimal Other)
{
    public decimal Total => Personnel + Activities + Administration + Other;
}

/// <summary>One roster member in the staffing plan.</summary>
/// <param name="Fte">The share of the worker's full time given to this service, in (0, 1].</param>
/// <param name="MonthlyPay">What the worker is paid a month for that share, CNY (so 0.5 FTE is half a salary).</param>
public sealed record StaffingLine(Guid WorkerId, decimal Fte, decimal MonthlyPay);

/// <summary>What the agency sends: everything but the abnormally-low flag, which the platform works out.</summary>
public sealed record BidDraft(
    decimal Price, CostBreakdown Costs, IReadOnlyList<StaffingLine> Staffing, string TechnicalProposal, string? AbnormallyLowExplanation = null);

/// <summary>Why a bid is flagged abnormally low; <see cref="Code"/> has a text in <see cref="BidTexts"/>.</summary>
/// <param name="WorkerId">For a pay-floor reason, the worker paid under it.</param>
/// <param name="Actual">The personnel share (0–1), or the worker's monthly pay.</param>
/// <param name="Threshold">The minimum share, or the floor scaled to the worker's FTE.</param>
public sealed record AbnormallyLowReason(string Code, Guid? WorkerId, decimal Actual, decimal Threshold);

/// <summary>
/// The document that is sealed: the draft as checked, with the abnormally-low flag, its reasons and the
/// agency's explanation. None of it is stored in the clear, the flag included — it says something about
/// the price.
/// </summary>
public sealed record BidContent(
    decimal Price,
    CostBreakdown Costs,
    IReadOnlyList<StaffingLine> Staffing,
    string TechnicalProposal,
    bool AbnormallyLow,
    IReadOnlyList<AbnormallyLowReason> AbnormallyLowReasons,
    string? AbnormallyLowExplanation)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads a document this service sealed; anything else is a broken seal, not a bad request.</summary>
    public static BidContent FromJsonBytes(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<BidContent>(json, Json)
                ?? throw new SealBrokenException("The unsealed bid content is empty.");
        }
        catch (JsonException e)
        {
            throw new SealBrokenException("The unsealed bid content is not a bid document.", e);
        }
    }
}
