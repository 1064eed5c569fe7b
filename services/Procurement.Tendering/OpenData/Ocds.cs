using System.Text.Json.Nodes;
using Procurement.ServiceDefaults.OpenData;

namespace Procurement.Tendering.OpenData;

/// <summary>
/// The pieces every OCDS 1.1.5 release of the platform is built from (https://standard.open-contracting.org/1.1/):
/// dates in Asia/Shanghai with their offset, amounts in CNY, parties by organisation id with their roles.
/// </summary>
public static class Ocds
{
    public const string Currency = "CNY";

    /// <summary>
    /// How the open data writes JSON: Chinese as itself, not as \u escapes, so a downloaded file reads as it is. Served as
    /// <c>application/json</c> only, never inside HTML.
    /// </summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The language of the texts the releases carry: what people typed, in Chinese first.</summary>
    public const string Language = "zh";

    /// <summary>
    /// The evaluator extension (docs/ocds/evaluator-extension): the <c>evaluator</c> party role, <c>Milestone.evaluation</c>
    /// and <c>Bid.evaluation</c> (a valid bid's rank and scores, on the bid extension's <c>Bid</c>).
    /// </summary>
    public const string EvaluatorExtension = "/api/public/ocds/extensions/evaluator/extension.json";

    /// <summary>
    /// The official Bid statistics and details extension (<c>bids.details</c>, <c>bids.statistics</c>), at the version
    /// released with OCDS 1.1.5, whose schema the tests apply (tests/Procurement.Testing/Ocds/Schema/bid-extension-v1.1.5).
    /// </summary>
    public const string BidExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";

    /// <summary>The bid statuses the platform uses (the bid extension's closed codelist <c>bidStatus</c>).</summary>
    public static class BidStatus
    {
        /// <summary>Opened, not yet evaluated ("submitted but not yet evaluated").</summary>
        public const string Pending = "pending";

        /// <summary>Passed the compliance review (资格性 / 符合性审查) and was scored.</summary>
        public const string Valid = "valid";

        /// <summary>Failed the compliance review.</summary>
        public const string Disqualified = "disqualified";
    }

    /// <summary>The release tags the platform uses (OCDS closed codelist <c>releaseTag</c>).</summary>
    public static class Tags
    {
        public const string Tender = "tender";
        public const string TenderAmendment = "tenderAmendment";
        public const string TenderUpdate = "tenderUpdate";
        public const string TenderCancellation = "tenderCancellation";
        public const string Award = "award";
        public const string AwardUpdate = "awardUpdate";
        public const string Contract = "contract";
        public const string ContractUpdate = "contractUpdate";
        public const string ContractAmendment = "contractAmendment";
        public const string Implementation = "implementation";
        public const string ContractTermination = "contractTermination";
    }

    /// <summary>The first moment of a Shanghai calendar day.</summary>
    public static string DayStart(DateOnly day) => $"{day:yyyy-MM-dd}T00:00:00+08:00";

    /// <summary>The last second of a Shanghai calendar day: a service period includes its last day.</summary>
    public static string DayEnd(DateOnly day) => $"{day:yyyy-MM-dd}T23:59:59+08:00";

    public static JsonObject Value(decimal amount) => new() { ["amount"] = decimal.Round(amount, 2), ["currency"] = Currency };

    public static JsonObject Period(DateOnly start, DateOnly end, DateOnly? maxExtent = null)
    {
        var period = new JsonObject { ["startDate"] = DayStart(start), ["endDate"] = DayEnd(end) };
        if (maxExtent is { } cap)
        {
            period["maxExtentDate"] = DayEnd(cap);
        }

        return period;
    }

    /// <summary>A release's frame: its ocid, id, date and tag; every process begins with a tender.</summary>
    public static JsonObject Release(string ocid, string id, DateTimeOffset date, string tag) => new()
    {
        ["ocid"] = ocid,
        ["id"] = id,
        ["date"] = OcdsPackage.OcdsDate(date),
        ["tag"] = new JsonArray(tag),
        ["initiationType"] = "tender",
        ["language"] = Language,
    };

    public static JsonObject Party(Guid id, string? name, string? region, params string[] roles)
    {
        var party = new JsonObject { ["id"] = Id(id) };
        if (!string.IsNullOrWhiteSpace(name))
        {
            party["name"] = name;
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            party["address"] = new JsonObject { ["region"] = region, ["countryName"] = "中国" };
        }

        party["roles"] = new JsonArray([.. roles.Select(r => (JsonNode)r)]);
        return party;
    }

    /// <summary>A reference to a party of the same release: its id and, when known, its name.</summary>
    public static JsonObject Reference(JsonObject party)
    {
        ArgumentNullException.ThrowIfNull(party);
        var reference = new JsonObject { ["id"] = (string?)party["id"] };
        if (party["name"] is { } name)
        {
            reference["name"] = (string?)name;
        }

        return reference;
    }

    public static string Id(Guid id) => id.ToString("D");

    /// <summary>
    /// A bid of the bid extension (<c>bids.details</c>): its id, its status, its tenderer (a party of the same release) and
    /// its price. A later release about the same bid merges into it by id.
    /// </summary>
    public static JsonObject Bid(Guid bidId, string status, JsonObject tenderer, decimal price) => new()
    {
        ["id"] = Id(bidId),
        ["status"] = status,
        ["tenderers"] = Array(Reference(tenderer)),
        ["value"] = Value(price),
    };

    /// <summary>
    /// The <c>bids</c> of a release: the details, and one statistic as of <paramref name="date"/>: a code of the bid
    /// extension's <c>bidStatistics</c> codelist and how many of these details it counts. The statistic's id is its
    /// measure, so a later count of the same measure replaces it when releases merge.
    /// </summary>
    public static JsonObject Bids(IReadOnlyCollection<JsonObject> details, string measure, int count, DateTimeOffset date) => new()
    {
        ["statistics"] = Array(new JsonObject
        {
            ["id"] = measure, ["measure"] = measure, ["value"] = count, ["date"] = OcdsPackage.OcdsDate(date),
        }),
        ["details"] = new JsonArray([.. details]),
    };

    /// <summary>The id of a direct renewal's own tender and award (it has neither in Tendering or Evaluation).</summary>
    public static string RenewalId(Guid contractId) => $"renewal-{contractId:D}";

    public static JsonArray Array(params JsonNode[] items) => new(items);

    /// <summary>OCDS's <c>procurementMethod</c> (closed codelist) for the platform's methods (DOMAIN.md §3).</summary>
    public static (string Method, string Details) Method(string? procurementMethod) => procurementMethod switch
    {
        "PublicTender" => ("open", "公开招标 Public tender"),
        "CompetitiveConsultation" => ("selective", "竞争性磋商 Competitive consultation"),
        "SingleSource" => ("direct", "单一来源 Single source"),
        _ => ("open", procurementMethod ?? ""),
    };
}
