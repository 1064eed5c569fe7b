using Microsoft.Extensions.Logging.Abstractions;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

/// <summary>
/// <c>GET /api/tenders/method-rules</c> as a test wants it: the national table Tendering answers today unless a test gives
/// other numbers; counts the reads, so a test sees the wizard reads them once per circuit.
/// </summary>
internal sealed class FakeMethodRules(params MethodRuleResponse[] methods) : IMethodRulesClient
{
    public static MethodRuleResponse Rule(ProcurementMethod method, int? days, int? margin, decimal? priceMinimum, decimal? priceMaximum) => new()
    {
        Method = method, MinimumBiddingDays = days, AmendmentMarginDays = margin, MinimumValidBids = 3,
        PriceMinimumPoints = priceMinimum, PriceMaximumPoints = priceMaximum,
    };

    public static MethodRuleResponse[] National { get; } =
    [
        Rule(ProcurementMethod.PublicTender, 20, 15, 10m, null),
        Rule(ProcurementMethod.CompetitiveConsultation, 10, 5, 10m, 30m),
        Rule(ProcurementMethod.SingleSource, null, null, null, null),
    ];

    public int Reads { get; private set; }

    public decimal MinimumAdvancePercent { get; init; } = 10m;

    public Task<MethodRulesResponse> GetMethodRulesAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(new MethodRulesResponse
        {
            Methods = [.. methods.Length > 0 ? methods : National], MinimumAdvancePercent = MinimumAdvancePercent,
            BidSecurityMaximumShare = 0.02m, PerformanceBondMaximumShare = 0.10m,
        });
    }

    /// <summary>A circuit's rules after they were read from this fake.</summary>
    public static TenderRules Loaded(params MethodRuleResponse[] methods)
    {
        var rules = new TenderRules(new FakeMethodRules(methods), NullLogger<TenderRules>.Instance);
        rules.LoadAsync().GetAwaiter().GetResult();
        return rules;
    }
}
