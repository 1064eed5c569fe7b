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

    /// <summary>The tables kept through this fake, newest last.</summary>
    public List<MethodRuleTableResponse> Tables { get; } = [];

    /// <summary>A region's own numbers, answered for <c>?region=</c> that region (the others get the every-region ones).</summary>
    public Dictionary<string, MethodRuleResponse[]> ByRegion { get; } = [];

    /// <summary>The regions and days asked for, in order (null: every region; today).</summary>
    public List<(string? Region, DateOnly? On)> Asked { get; } = [];

    public Task<MethodRulesResponse> GetMethodRulesAsync(string? region = null, DateOnly? on = null, CancellationToken cancellationToken = default)
    {
        Reads++;
        Asked.Add((region, on));
        var answered = region is not null && ByRegion.TryGetValue(region, out var own) ? own : methods.Length > 0 ? methods : National;
        return Task.FromResult(new MethodRulesResponse
        {
            Methods = [.. answered], MinimumAdvancePercent = MinimumAdvancePercent,
            BidSecurityMaximumShare = 0.02m, PerformanceBondMaximumShare = 0.10m,
        });
    }

    public Task<ICollection<MethodRuleTableResponse>> ListMethodRuleTablesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<MethodRuleTableResponse>>([.. Enumerable.Reverse(Tables)]);

    /// <summary>What <see cref="AddMethodRuleTableAsync"/> throws instead of keeping the table (the API's refusal), if set.</summary>
    public ApiException? Refusal { get; set; }

    /// <summary>The bodies sent to <see cref="AddMethodRuleTableAsync"/>, refused or not.</summary>
    public List<MethodRuleTableRequest> Sent { get; } = [];

    public Task<MethodRuleTableResponse> AddMethodRuleTableAsync(MethodRuleTableRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        Sent.Add(body);
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        var table = new MethodRuleTableResponse
        {
            Id = Guid.NewGuid(), Region = body.Region ?? "", EffectiveFrom = body.EffectiveFrom!.Value, Note = body.Note,
            RecordedBy = Guid.NewGuid(), RecordedAt = DateTimeOffset.UtcNow,
            Content = new MethodRuleTableContent
            {
                Methods = body.Methods ?? [], BidSecurityMaximumShare = body.BidSecurityMaximumShare!.Value,
                PerformanceBondMaximumShare = body.PerformanceBondMaximumShare!.Value, MinimumAdvancePercent = body.MinimumAdvancePercent!.Value,
            },
        };
        table.Rules = [.. table.Content.Methods.Select(RuleOf)];
        Tables.Add(table);
        return Task.FromResult(table);
    }

    /// <summary>A kept method entry as Tendering answers it in a table's <c>rules</c>: with the valid bids a tender under it needs.</summary>
    public static MethodRuleResponse RuleOf(MethodRuleEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MethodRuleResponse
        {
            Method = entry.Method, MinimumBiddingDays = entry.MinimumBiddingDays, AmendmentMarginDays = entry.AmendmentMarginDays,
            MinimumValidBids = entry.MinimumValidBids, RegionalMinimumValidBids = entry.RegionalMinimumValidBids,
            PriceMinimumPoints = entry.PriceMinimumPoints, PriceMaximumPoints = entry.PriceMaximumPoints,
            ValidBidsNeeded = entry.RegionAdoptsAllowance && entry.RegionalMinimumValidBids is { } regional ? regional : entry.MinimumValidBids,
        };
    }

    /// <summary>The built-in table as Tendering answers it (DOMAIN.md §3 and §6).</summary>
    public Task<MethodRuleTableContent> GetBuiltInMethodRulesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new MethodRuleTableContent
        {
            Methods =
            [
                Entry(ProcurementMethod.PublicTender, 20, 15, 3, null, 10m, null, [new PanelStepEntry { BudgetFrom = 0m, MinimumMembers = 5 }, new PanelStepEntry { BudgetFrom = 10_000_000m, MinimumMembers = 7 }]),
                Entry(ProcurementMethod.CompetitiveConsultation, 10, 5, 3, 2, 10m, 30m, [new PanelStepEntry { BudgetFrom = 0m, MinimumMembers = 3 }]),
                Entry(ProcurementMethod.SingleSource, null, null, 1, null, null, null, null),
            ],
            BidSecurityMaximumShare = 0.02m, PerformanceBondMaximumShare = 0.10m, MinimumAdvancePercent = MinimumAdvancePercent,
        });

    private static MethodRuleEntry Entry(
        ProcurementMethod method, int? days, int? margin, int validBids, int? regional, decimal? priceMinimum, decimal? priceMaximum, PanelStepEntry[]? steps) => new()
    {
        Method = method, MinimumBiddingDays = days, AmendmentMarginDays = margin, MinimumValidBids = validBids, RegionalMinimumValidBids = regional,
        PriceMinimumPoints = priceMinimum, PriceMaximumPoints = priceMaximum, PanelSteps = steps, PanelOddSize = steps is not null,
    };

    /// <summary>A circuit's rules after they were read from this fake.</summary>
    public static TenderRules Loaded(params MethodRuleResponse[] methods)
    {
        var rules = new TenderRules(new FakeMethodRules(methods), NullLogger<TenderRules>.Instance);
        rules.LoadAsync().GetAwaiter().GetResult();
        return rules;
    }
}
