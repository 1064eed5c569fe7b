using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.OpenData;

/// <summary>The open data's settings (<c>OpenData:</c>): who publishes, under which ocid prefix, at which address.</summary>
public sealed partial class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>
    /// The prefix of every ocid (<c>OpenData:OcidPrefix</c>): <c>ocds-</c> and six letters or digits, as the Open Contracting
    /// Partnership registers them. A publisher registers its own before it publishes; the default is a placeholder.
    /// </summary>
    public string OcidPrefix { get; set; } = "ocds-sgfw01";

    /// <summary>Where the platform is read (<c>OpenData:PublicBaseUri</c>): the links in the open data point under it.</summary>
    public string PublicBaseUri { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The publisher's name in every package (<c>OpenData:PublisherName</c>).</summary>
    public string PublisherName { get; set; } = "政府购买社会工作服务平台 Procurement";

    /// <summary>The licence of the data (<c>OpenData:License</c>).</summary>
    public string License { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>
    /// How many releases a year's bulk file reads from the database at a time (<c>OpenData:BulkBatchSize</c>) before it
    /// writes them to the answer and flushes: what the download holds in memory, whatever the year's size.
    /// </summary>
    public int BulkBatchSize { get; set; } = 500;

    /// <summary>
    /// How often the open data writes its backlog (<c>OpenData:BackfillInterval</c>): the history services send after an
    /// upgrade, and changes that arrived before their contract was announced (<see cref="OpenDataBackfill"/>).
    /// </summary>
    public TimeSpan BackfillInterval { get; set; } = TimeSpan.FromSeconds(10);

    public string Base => PublicBaseUri.TrimEnd('/');

    public static bool IsOcidPrefix(string prefix) => OcidPrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^ocds-[a-z0-9]{6}$")]
    private static partial Regex OcidPrefixPattern();
}

/// <summary>
/// One OCDS release as published (DOMAIN.md §10, issue 18 item 2): the JSON as it was when the change it describes
/// became public. Releases are never changed; a later change is a later release, and a process's record is compiled from
/// all of them.
/// </summary>
/// <remarks>
/// Not audited: each is a copy of a change that another save made and that save's audit entry holds; the releases of a
/// process can always be compared with the changes they came from.
/// </remarks>
[NotAudited]
public sealed class OcdsRelease
{
    public const int OcidMaxLength = 64;
    public const int IdMaxLength = 128;

    /// <summary>
    /// The order the releases were written in: releases of one instant (a panel that scored in the second the bids were
    /// opened) keep the order of the changes, and a record merges them so.
    /// </summary>
    public long Sequence { get; set; }

    public string Ocid { get; set; } = "";

    public string ReleaseId { get; set; } = "";

    public DateTimeOffset Date { get; set; }

    /// <summary>The calendar year of <see cref="Date"/> in Asia/Shanghai: the year's bulk file holds it.</summary>
    public int Year { get; set; }

    /// <summary>The release's tags, comma-separated (also in <see cref="Json"/>).</summary>
    public string Tags { get; set; } = "";

    public string Json { get; set; } = "";

    public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
}

/// <summary>What the open data remembers of a signed contract, so that its later changes reach the right process.</summary>
[NotAudited]
public sealed class OcdsContract
{
    public Guid ContractId { get; set; }

    public string Ocid { get; set; } = "";

    public string AwardId { get; set; } = "";

    public Guid BuyerId { get; set; }

    public Guid SupplierId { get; set; }
}

/// <summary>An organisation's public name, as the open data names its parties.</summary>
[NotAudited]
public sealed class OcdsParty
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string? Region { get; set; }
}

/// <summary>Writes releases and keeps what the next ones need; used by the consumers inside their unit of work.</summary>
public sealed class OpenDataLedger(TenderingDb db, IOptions<OpenDataOptions> options)
{
    public OpenDataOptions Options => options.Value;

    /// <summary>The ocid of a process: the tender's id, or a direct renewal's contract id, after the prefix.</summary>
    public string Ocid(Guid processId) => $"{Options.OcidPrefix}-{processId:D}";

    /// <summary>Adds a release unless one with its ocid and id is there already (the first stands).</summary>
    public async Task AddAsync(JsonObject release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var ocid = (string)release["ocid"]!;
        var id = (string)release["id"]!;
        if (await db.OcdsReleases.AnyAsync(r => r.Ocid == ocid && r.ReleaseId == id, cancellationToken)
            || db.OcdsReleases.Local.Any(r => r.Ocid == ocid && r.ReleaseId == id))
        {
            return;
        }

        var date = DateTimeOffset.Parse((string)release["date"]!, System.Globalization.CultureInfo.InvariantCulture);
        db.OcdsReleases.Add(new OcdsRelease
        {
            Ocid = ocid,
            ReleaseId = id,
            Date = date,
            Year = date.ShanghaiDate().Year,
            Tags = string.Join(',', release["tag"]!.AsArray().Select(t => (string)t!)),
            Json = release.ToJsonString(Ocds.Json),
        });
    }

    /// <summary>Keeps (or renames) an organisation's public name.</summary>
    public async Task NameAsync(Guid id, string? name, string? region, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var party = db.OcdsParties.Local.FirstOrDefault(p => p.Id == id) ?? await db.OcdsParties.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (party is null)
        {
            db.OcdsParties.Add(new OcdsParty { Id = id, Name = name.Trim(), Region = region });
            return;
        }

        party.Name = name.Trim();
        party.Region = region ?? party.Region;
    }

    /// <summary>A party of a release: the organisation's id, its name as known (null if never named) and its roles.</summary>
    public async Task<JsonObject> PartyAsync(Guid id, CancellationToken cancellationToken, params string[] roles)
    {
        var known = db.OcdsParties.Local.FirstOrDefault(p => p.Id == id)
            ?? await db.OcdsParties.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return Ocds.Party(id, known?.Name, known?.Region, roles);
    }

    public async Task<OcdsContract?> ContractAsync(Guid contractId, CancellationToken cancellationToken) =>
        db.OcdsContracts.Local.FirstOrDefault(c => c.ContractId == contractId)
        ?? await db.OcdsContracts.FirstOrDefaultAsync(c => c.ContractId == contractId, cancellationToken);

    public void Remember(OcdsContract contract) => db.OcdsContracts.Add(contract);

    /// <summary>
    /// Keeps a change that waits for its contract to be announced (<see cref="OpenDataBackfill"/> writes it then); a copy
    /// the history brought already waits for the same contract.
    /// </summary>
    public async Task KeepAsync(object message, Guid messageId, DateTimeOffset occurredAt, Guid contractId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = await db.OcdsBacklog.FirstOrDefaultAsync(e => e.MessageId == messageId, cancellationToken);
        if (entry is null)
        {
            entry = new OcdsBacklogEntry
            {
                MessageId = messageId,
                Source = OcdsBacklogEntry.LiveSource,
                MessageType = ServiceDefaults.Messaging.OutboxMessage.TypeName(message.GetType()),
                Payload = ServiceDefaults.Messaging.OutboxContext.WriteEvent(message),
                OccurredAt = occurredAt,
            };
            db.OcdsBacklog.Add(entry);
        }

        entry.State = OcdsBacklogState.Waiting;
        entry.WaitsFor = contractId;
        entry.Attempts++;
    }

    /// <summary>A change written by its live event: a copy of it in the backlog (from the history) is done too.</summary>
    public async Task DoneAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await db.OcdsBacklog.FirstOrDefaultAsync(e => e.MessageId == messageId, cancellationToken) is { } entry)
        {
            db.OcdsBacklog.Remove(entry);
        }
    }

    /// <summary>The id of the award published for a tender, read from its releases; null before the award.</summary>
    public async Task<string?> AwardIdAsync(string ocid, CancellationToken cancellationToken)
    {
        var award = await FirstJsonAsync(r => r.Ocid == ocid && r.Tags == Ocds.Tags.Award, cancellationToken);
        return (string?)award?["awards"]?[0]?["id"];
    }

    /// <summary>
    /// When each tender's result announcement (中标/成交结果公告) became public, for those of <paramref name="tenderIds"/>
    /// that have one: the date of its award release, written when the result was published.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> ResultsPublishedAsync(IReadOnlyCollection<Guid> tenderIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenderIds);
        var byOcid = tenderIds.Distinct().ToDictionary(Ocid, StringComparer.Ordinal);
        var ocids = byOcid.Keys.ToList();
        var awards = await db.OcdsReleases.AsNoTracking().Where(r => ocids.Contains(r.Ocid) && r.Tags == Ocds.Tags.Award)
            .Select(r => new { r.Ocid, r.Date }).ToListAsync(cancellationToken);
        return awards.GroupBy(a => a.Ocid).ToDictionary(g => byOcid[g.Key], g => g.Min(a => a.Date));
    }

    /// <summary>The ids of the bids (<c>bids.details</c>) one release of a process lists; none when there is no such release.</summary>
    public async Task<IReadOnlyList<string>> BidIdsAsync(string ocid, string releaseId, CancellationToken cancellationToken)
    {
        var release = await FirstJsonAsync(r => r.Ocid == ocid && r.ReleaseId == releaseId, cancellationToken);
        return [.. (release?["bids"]?["details"] as JsonArray ?? []).Select(bid => (string?)bid?["id"]).OfType<string>()];
    }

    private async Task<JsonNode?> FirstJsonAsync(System.Linq.Expressions.Expression<Func<OcdsRelease, bool>> which, CancellationToken cancellationToken)
    {
        var json = await db.OcdsReleases.AsNoTracking().Where(which).Select(r => r.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonNode.Parse(json);
    }

    internal static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OcdsRelease>(release =>
        {
            release.ToTable("OcdsReleases");
            release.HasKey(r => r.Sequence);
            release.Property(r => r.Sequence).ValueGeneratedOnAdd();
            release.HasIndex(r => new { r.Ocid, r.ReleaseId }).IsUnique();
            release.Property(r => r.Ocid).HasMaxLength(OcdsRelease.OcidMaxLength);
            release.Property(r => r.ReleaseId).HasMaxLength(OcdsRelease.IdMaxLength);
            release.Property(r => r.Tags).HasMaxLength(200);
            release.HasIndex(r => new { r.Date, r.Sequence });
            release.HasIndex(r => new { r.Year, r.Date, r.Sequence });
        });
        modelBuilder.Entity<OcdsContract>(contract =>
        {
            contract.ToTable("OcdsContracts");
            contract.HasKey(c => c.ContractId);
            contract.Property(c => c.Ocid).HasMaxLength(OcdsRelease.OcidMaxLength);
            contract.Property(c => c.AwardId).HasMaxLength(OcdsRelease.IdMaxLength);
        });
        modelBuilder.Entity<OcdsParty>(party =>
        {
            party.ToTable("OcdsParties");
            party.HasKey(p => p.Id);
            party.Property(p => p.Name).HasMaxLength(200);
            party.Property(p => p.Region).HasMaxLength(200);
        });
    }
}
