using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;
using Xunit.Sdk;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// Public disclosure along the chain (DOMAIN.md §11, issue 18 item 1): a tender drafted before it is published, a contract
/// signed one party at a time, and after each stage one check that reads every public surface of every service without
/// signing in. What the stage made public must be there; what a later stage makes public must be nowhere yet: not in
/// a status, not in a list, not in the open data, and not as a number or a name inside any body.
/// </summary>
public sealed partial class ChainSteps
{
    /// <summary>Where the open data writes this platform's processes (<c>OpenData:OcidPrefix</c>, its default).</summary>
    private const string OcidPrefix = "ocds-sgfw01";

    /// <summary>The largest page the public lists give.</summary>
    private const int PublicPageSize = 100;

    /// <summary>The stages of a tender, in the order in which each makes more of it public.</summary>
    private static readonly Dictionary<string, Moment> Moments = new(StringComparer.Ordinal)
    {
        ["it is drafted"] = Moment.Drafted,
        ["it is published"] = Moment.Published,
        ["its sealed bids are in"] = Moment.BidsIn,
        ["its bids are opened"] = Moment.Opened,
        ["its bids are scored"] = Moment.Scored,
        ["its award is published"] = Moment.AwardPublished,
        ["its contract is drafted"] = Moment.ContractDrafted,
        ["its contract is signed by the agency alone"] = Moment.SignedByAgency,
        ["its contract is signed by both parties"] = Moment.SignedByBoth,
        ["its contract is active"] = Moment.Active,
    };

    /// <summary>A number as the APIs write it in JSON or in text: 412300, 412300.0 and 412300.00 are one value.</summary>
    private static readonly Regex NumberToken = new(@"(?<![\w.])\d+(?:\.\d+)?(?!\w)", RegexOptions.CultureInvariant);

    /// <summary>A mainland resident ID number (GB 11643): region, birth date, sequence, check character.</summary>
    private static readonly Regex IdNumberShape = new(
        @"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])", RegexOptions.CultureInvariant);

    private enum Moment
    {
        Drafted,
        Published,
        BidsIn,
        Opened,
        Scored,
        AwardPublished,
        ContractDrafted,
        SignedByAgency,
        SignedByBoth,
        Active,
    }

    // ---- Tendering: a draft, published later ----------------------------------------------------------

    [Given(@"the chain purchaser has drafted the competitive consultation ""([^""]*)"" with bids due in (\d+) days at (\d{2}:\d{2}), and not published it")]
    public async Task Drafted(string title, int days, TimeOnly time)
    {
        await DraftAsync(title, "Demo District", days, time, StandardTenderContent.PersonnelCost);
        var draft = await (await ClientAsync(Purchaser)).TenderStatusAsync(Tender(title).Id);
        draft.Status.Should().Be("Draft");
    }

    [When(@"the chain purchaser publishes ""([^""]*)""")]
    public Task PublishesDraft(string title) => PublishDraftAsync(title);

    // ---- Contracting: one signature, then the other ---------------------------------------------------

    [When(@"""([^""]*)"" signs the contract of ""([^""]*)"" before the purchaser does")]
    public async Task AgencySignsFirst(string agency, string title)
    {
        var tender = Tender(title);
        tender.Winner.Should().Be(agency, "the contract was drafted for the winner");
        (await (await ClientAsync(agency)).SignContractAsync(tender.Contract)).Expect(HttpStatusCode.OK, $"{agency} signing the contract");
    }

    [Then(@"the contract of ""([^""]*)"" reads signed by ""([^""]*)"" and not yet by the purchaser")]
    public async Task SignedByAgencyOnly(string title, string agency)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(Tender(title).Contract);
        contract.State.Should().Be("PendingSignature", "the first signature issues the draft for signature");
        contract.Signatures.Agency.SignedBy.Should().Be(DemoDirectory.UserNamed(agency).Id, $"{agency} signs for itself");
        contract.Signatures.Purchaser.SignedAt.Should().BeNull("the purchaser has not signed");
        contract.PermittedTriggers.Should().Contain("Sign", "the purchaser may still sign");
    }

    [When(@"the purchaser signs the contract of ""([^""]*)"" too")]
    public async Task PurchaserSignsToo(string title) =>
        (await (await ClientAsync(Purchaser)).SignContractAsync(Tender(title).Contract)).Expect(HttpStatusCode.OK, "the purchaser signing the contract");

    // ---- Every public surface, read anonymously -------------------------------------------------------

    [Then(@"anyone reads of ""([^""]*)"" only what is public once (it is drafted|it is published|its sealed bids are in|its bids are opened|its bids are scored|its award is published|its contract is drafted|its contract is signed by the agency alone|its contract is signed by both parties|its contract is active)")]
    public async Task OnlyWhatIsPublic(string title, string stage)
    {
        var moment = Moments[stage];
        var tender = Tender(title);
        var problems = new List<string>();
        var reads = new List<PublicRead>();
        using var anyone = platform.CreateClient();

        // Tendering: the procurement announcement (采购公告) and the list of announcements.
        var announcement = await ReadAsync(anyone, "Tendering", $"/api/public/tenders/{tender.Id}");
        reads.Add(announcement);
        ExpectStatus(problems, announcement, moment >= Moment.Published, "the procurement announcement is public from publication");
        var listed = await ListedTenderAsync(anyone, tender.Id, problems);
        reads.Add(listed);
        if ((listed.Body.Length > 0) != (moment >= Moment.Published))
        {
            problems.Add(moment >= Moment.Published
                ? $"{listed.Surface} does not list the published tender {tender.Id}"
                : $"{listed.Surface} lists the tender before it is published: {Excerpt(listed.Body)}");
        }

        // Bidding: the opening record (开标记录).
        var opening = await ReadAsync(anyone, "Bidding", $"/api/public/openings/{tender.Id}");
        reads.Add(opening);
        ExpectStatus(problems, opening, moment >= Moment.Opened, "the opening record is public once the bids are opened");
        if (moment >= Moment.Opened && opening.Found)
        {
            var entries = opening.Json()["bids"]!.AsArray().Select(b => $"{(string?)b!["agencyName"]} {b["price"]!.GetValue<decimal>():0.00}").Order(StringComparer.Ordinal);
            var bids = tender.Bids.Select(b => $"{Profiles[b.Key].Name} {b.Value.Price:0.00}").Order(StringComparer.Ordinal);
            Expect(problems, entries.SequenceEqual(bids, StringComparer.Ordinal),
                $"{opening.Surface} should list each bidder's price ({string.Join("; ", bids)}), but lists {string.Join("; ", entries)}");
        }

        // Evaluation: the result announcement (中标/成交结果公告), public when the purchaser publishes the award, not when the panel's ranking is computed.
        var ranking = moment >= Moment.Scored ? await RankingAsync(tender) : [];
        var result = await ReadAsync(anyone, "Evaluation", $"/api/public/results/{tender.Id}");
        reads.Add(result);
        ExpectStatus(problems, result, moment >= Moment.AwardPublished, "the result is public once the purchaser publishes the award, not when the ranking is computed");
        if (moment >= Moment.AwardPublished && result.Found)
        {
            var json = result.Json();
            var status = moment >= Moment.ContractDrafted ? "Confirmed" : "Published";
            Expect(problems, (string?)json["status"] == status, $"{result.Surface} should read {status}, but reads {json["status"]}");
            var shown = json["ranking"]!.AsArray().Select(r => $"{r!["rank"]} {r["agencyName"]} {r["price"]!.GetValue<decimal>():0.00} "
                                                              + $"{r["priceScore"]?.GetValue<decimal>():0.00} {r["total"]!.GetValue<decimal>():0.00}");
            var ranked = ranking.OrderBy(r => r.Rank).Select(r => $"{r.Rank} {r.AgencyName} {r.Price:0.00} {r.PriceScore:0.00} {r.Total:0.00}");
            Expect(problems, shown.SequenceEqual(ranked, StringComparer.Ordinal),
                $"{result.Surface} should show the ranking with its scores ({string.Join("; ", ranked)}), but shows {string.Join("; ", shown)}");
        }

        // Contracting: the contract announcement (合同公告), public once both parties have signed.
        var contracts = await ReadAsync(anyone, "Contracting", $"/api/public/contracts?tender={tender.Id}");
        reads.Add(contracts);
        ExpectStatus(problems, contracts, shouldBePublic: true, "the list of contract announcements is public");
        var items = contracts.Found ? contracts.Json()["items"]!.AsArray() : [];
        if (moment >= Moment.SignedByBoth)
        {
            Expect(problems, items.Count == 1 && (Guid?)items[0]!["id"] == tender.Contract && items[0]!["amount"]!.GetValue<decimal>() == tender.Bids[tender.Winner].Price,
                $"{contracts.Surface} should list the contract {tender.Contract} of {tender.Bids[tender.Winner].Price:0.00} yuan signed by both parties, but lists {Excerpt(contracts.Body)}");
        }
        else
        {
            Expect(problems, items.Count == 0, $"{contracts.Surface} lists a contract of the tender before both parties signed it: {Excerpt(contracts.Body)}");
        }

        if (moment >= Moment.ContractDrafted)
        {
            var contract = await ReadAsync(anyone, "Contracting", $"/api/public/contracts/{tender.Contract}");
            var verification = await ReadAsync(anyone, "Contracting", $"/api/public/contracts/{tender.Contract}/verification");
            reads.AddRange([contract, verification]);
            ExpectStatus(problems, contract, moment >= Moment.SignedByBoth, "the contract announcement is public once both parties have signed");
            ExpectStatus(problems, verification, moment >= Moment.SignedByBoth, "a contract's signatures are checked in public once both parties have signed");
            if (moment >= Moment.SignedByBoth && contract.Found && verification.Found)
            {
                var state = moment >= Moment.Active ? "Active" : "PendingSignature";
                Expect(problems, (string?)contract.Json()["state"] == state, $"{contract.Surface} should read {state}, but reads {contract.Json()["state"]}");
                Expect(problems, (bool?)verification.Json()["valid"] == true, $"{verification.Surface} should find both signatures valid: {Excerpt(verification.Body)}");
            }
        }

        // The open data (OCDS): the process's record and the release package; its releases' tags grow with the stages, never early.
        await ReadOpenDataAsync(anyone, tender, moment, reads, problems);

        // What a later stage makes public must be nowhere in any body, as a number, a name or an id; and what this
        // stage made public must be found by the same matcher where it belongs, so that an absence means something.
        var secrets = await SecretsAsync(tender, moment, ranking);
        foreach (var read in reads)
        {
            foreach (var (path, text) in Leaves(read.Body))
            {
                // A read by the secret's own id can only repeat what the reader asked with (a 404's detail and instance do).
                foreach (var secret in secrets.Where(s => (s.PublicFrom is not { } from || moment < from)
                                                          && (s.AskedWith is not { } id || !read.Surface.Contains(id, StringComparison.OrdinalIgnoreCase))))
                {
                    if (secret.IsIn(text))
                    {
                        problems.Add($"{read.Surface} discloses {secret.What}, which is {secret.Until}: at {path}: {Excerpt(text)}");
                    }
                }
            }
        }

        foreach (var secret in secrets.Where(s => s.PublicFrom is { } from && moment >= from))
        {
            var shownOn = reads.Single(r => r.Surface == secret.ShownOn);
            Expect(problems, Leaves(shownOn.Body).Any(l => secret.IsIn(l.Text)), $"{shownOn.Surface} should show {secret.What} by now: {Excerpt(shownOn.Body)}");
        }

        if (problems.Count > 0)
        {
            throw new XunitException(
                $"Read anonymously once {stage}, \"{title}\" is not as public as that stage makes it (DOMAIN.md §11):\n  - " + string.Join("\n  - ", problems));
        }
    }

    /// <summary>The ranking as the purchaser reads it, scores included: what the result announcement will make public.</summary>
    private async Task<IReadOnlyList<RankingView>> RankingAsync(ChainTender tender)
    {
        var evaluation = (await (await ClientAsync(Purchaser)).EvaluationAsync(tender.Id)).Expect(HttpStatusCode.OK, "the purchaser reading the evaluation")
            .Json<EvaluationView>();
        evaluation.Ranking.Should().NotBeNullOrEmpty("the panel's ranking is computed once the bids are scored");
        return evaluation.Ranking!;
    }

    /// <summary>The tender's entry in the public list of announcements, every page read; an empty body when it is not listed.</summary>
    private static async Task<PublicRead> ListedTenderAsync(HttpClient anyone, Guid tenderId, List<string> problems)
    {
        var surface = $"Tendering GET /api/public/tenders?pageSize={PublicPageSize} (every page, its entry)";
        for (var page = 1; ; page++)
        {
            var read = await ReadAsync(anyone, "Tendering", $"/api/public/tenders?page={page}&pageSize={PublicPageSize}");
            if (!read.Found)
            {
                problems.Add($"{read.Surface} answered {(int)read.Status}, but the list of announcements is public: {Excerpt(read.Body)}");
                return new PublicRead(surface, read.Status, "");
            }

            var items = read.Json()["items"]!.AsArray();
            if (items.FirstOrDefault(i => (Guid?)i!["id"] == tenderId) is { } entry)
            {
                return new PublicRead(surface, HttpStatusCode.OK, entry.ToJsonString());
            }

            if (items.Count < PublicPageSize)
            {
                return new PublicRead(surface, HttpStatusCode.OK, "");
            }
        }
    }

    /// <summary>
    /// The process's OCDS record, and its releases among every page of the release package: the same releases, tagged as
    /// far as the stage goes and no further. Releases travel as events, so the record is asked again until the tags
    /// the stage has earned are there; then anything more is early.
    /// </summary>
    private static async Task ReadOpenDataAsync(HttpClient anyone, ChainTender tender, Moment moment, List<PublicRead> reads, List<string> problems)
    {
        var ocid = $"{OcidPrefix}-{tender.Id:D}";
        var expected = new List<string>();
        AddIf(moment >= Moment.Published, "tender");
        AddIf(moment >= Moment.Opened, "tenderUpdate");
        AddIf(moment >= Moment.AwardPublished, "award");
        AddIf(moment >= Moment.ContractDrafted, "awardUpdate");
        AddIf(moment >= Moment.SignedByBoth, "contract");

        var record = await Eventually.AskAsync(
            () => ReadAsync(anyone, "Open data", $"/api/public/ocds/records/{ocid}"),
            r => expected.Count == 0 || (r.Found && expected.All(Tags(RecordReleases(r)).Contains)));
        reads.Add(record);
        ExpectStatus(problems, record, moment >= Moment.Published, "a process's open data is public from the tender's publication");
        var recordReleases = record.Found ? RecordReleases(record) : [];
        Expect(problems, Tags(recordReleases).SetEquals(expected),
            $"{record.Surface} should hold releases tagged [{string.Join(", ", expected)}], but holds [{string.Join(", ", Describe(recordReleases))}]");

        var mine = new JsonArray();
        var next = $"/api/public/ocds/releases?page=1&pageSize={PublicPageSize}";
        while (next is not null)
        {
            var page = await ReadAsync(anyone, "Open data", next);
            if (!page.Found)
            {
                problems.Add($"{page.Surface} answered {(int)page.Status}, but the release package is public: {Excerpt(page.Body)}");
                break;
            }

            var package = page.Json();
            foreach (var release in package["releases"]!.AsArray().Where(r => (string?)r!["ocid"] == ocid))
            {
                mine.Add(release!.DeepClone());
            }

            next = (string?)package["links"]?["next"] is { } link ? new Uri(link).PathAndQuery : null;
        }

        var releases = new PublicRead("Open data GET /api/public/ocds/releases (every page, its releases)", HttpStatusCode.OK, mine.ToJsonString());
        reads.Add(releases);
        var packaged = mine.Select(r => r!).ToList();
        Expect(problems, Describe(packaged).Order(StringComparer.Ordinal).SequenceEqual(Describe(recordReleases).Order(StringComparer.Ordinal), StringComparer.Ordinal),
            $"{releases.Surface} should hold the record's releases [{string.Join(", ", Describe(recordReleases))}], but holds [{string.Join(", ", Describe(packaged))}]");

        void AddIf(bool reached, string tag)
        {
            if (reached)
            {
                expected.Add(tag);
            }
        }

        static List<JsonNode> RecordReleases(PublicRead record) =>
            [.. record.Json()["records"]!.AsArray().Single()!["releases"]!.AsArray().Select(r => r!)];

        static HashSet<string> Tags(IEnumerable<JsonNode> releases) =>
            [.. releases.SelectMany(r => r["tag"]!.AsArray().Select(t => (string)t!))];

        static IEnumerable<string> Describe(IEnumerable<JsonNode> releases) =>
            releases.Select(r => $"{(string?)r["id"]} ({string.Join("/", r["tag"]!.AsArray().Select(t => (string?)t))})");
    }

    /// <summary>
    /// What must not be public before its moment, and what never is: each bid's price until the opening, the ranking's
    /// scores until the purchaser publishes the award, the contract's id until both parties have signed, and the
    /// bidders' social workers (names from their rosters, and any ID number) always.
    /// </summary>
    private async Task<List<Secret>> SecretsAsync(ChainTender tender, Moment moment, IReadOnlyList<RankingView> ranking)
    {
        var secrets = new List<Secret>();
        foreach (var (agency, (_, price)) in tender.Bids)
        {
            secrets.Add(new Secret(
                $"the price {price:0.00} of {agency}'s sealed bid", Moment.Opened, "not public before the bids are opened",
                $"Bidding GET /api/public/openings/{tender.Id}", text => HoldsNumber(text, price)));
        }

        // A whole number tells nothing: the lowest bid's price score is the price criterion's 30 points, published with the tender.
        var scores = ranking.SelectMany(r => new[] { (Of: r.AgencyName, What: "price score", Value: r.PriceScore), (Of: r.AgencyName, What: "total score", Value: (decimal?)r.Total) })
            .Where(s => s.Value is { } v && v != decimal.Truncate(v)).ToList();
        if (moment >= Moment.Scored)
        {
            scores.Should().NotBeEmpty("the ranking has scores that are not whole numbers, so their absence can be checked");
        }

        foreach (var (of, what, value) in scores)
        {
            secrets.Add(new Secret(
                $"the {what} {value:0.00} of {of}", Moment.AwardPublished, "not public before the purchaser publishes the award",
                $"Evaluation GET /api/public/results/{tender.Id}", text => HoldsNumber(text, value!.Value)));
        }

        if (tender.ContractId is { } contractId)
        {
            secrets.Add(new Secret(
                $"the id {contractId} of the contract", Moment.SignedByBoth, "not public before both parties have signed",
                $"Contracting GET /api/public/contracts?tender={tender.Id}",
                text => text.Contains(contractId.ToString("D"), StringComparison.OrdinalIgnoreCase) || text.Contains(contractId.ToString("N"), StringComparison.OrdinalIgnoreCase))
            {
                AskedWith = contractId.ToString("D"),
            });
        }

        foreach (var agency in Profiles.Keys)
        {
            var people = (await ApiAnswer.ReadAsync((await ClientAsync(agency)).GetAsync(new Uri("/api/agencies/me/staff?includeInactive=true", UriKind.Relative))))
                .Expect(HttpStatusCode.OK, $"{agency} reading its roster").Json<JsonElement[]>()
                .Select(w => w.GetProperty("name").GetString()!).ToList();
            if (tender.Bids.ContainsKey(agency))
            {
                people.Should().HaveCountGreaterThanOrEqualTo(Roster(agency).Count, $"{agency} bid with its roster, whose names must never be public");
            }

            secrets.AddRange(people.Select(name => new Secret(
                $"the name of {agency}'s social worker \"{name}\"", null, "never public", null, text => text.Contains(name, StringComparison.Ordinal))));
        }

        secrets.Add(new Secret("a resident ID number", null, "never public", null, text => IdNumberShape.Matches(text).Any(m => IsIdNumber(m.Value))));
        return secrets;
    }

    private static bool HoldsNumber(string text, decimal value) =>
        NumberToken.Matches(text).Any(m => decimal.TryParse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var found) && found == value);

    /// <summary>GB 11643: the last character is the check of the first seventeen.</summary>
    private static bool IsIdNumber(string candidate)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = candidate.Take(17).Select((c, i) => (c - '0') * weights[i]).Sum();
        return char.ToUpperInvariant(candidate[17]) == "10X98765432"[sum % 11];
    }

    /// <summary>Every value and property name of a JSON body with its path; a body that is not JSON is one text.</summary>
    private static List<(string Path, string Text)> Leaves(string body)
    {
        var leaves = new List<(string Path, string Text)>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return leaves;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            leaves.Add(("(the body, not JSON)", body)); // still searched, as text
            return leaves;
        }

        Walk(root, "$");
        return leaves;

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (name, value) in o)
                    {
                        leaves.Add(($"{path} (a property's name)", name));
                        Walk(value, $"{path}.{name}");
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{path}[{i}]");
                    }

                    break;
                case JsonValue v:
                    leaves.Add((path, v.TryGetValue<string>(out var s) ? s : v.ToJsonString()));
                    break;
                default:
                    break;
            }
        }
    }

    private static async Task<PublicRead> ReadAsync(HttpClient anyone, string service, string path)
    {
        var answer = await ApiAnswer.ReadAsync(anyone.GetAsync(new Uri(path, UriKind.Relative)));
        return new PublicRead($"{service} GET {path}", answer.Status, answer.Body);
    }

    /// <summary>Public (200) or, before its moment, unknown (404, as for an id that does not exist: nothing says it is coming).</summary>
    private static void ExpectStatus(List<string> problems, PublicRead read, bool shouldBePublic, string rule)
    {
        var expected = shouldBePublic ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        if (read.Status != expected)
        {
            problems.Add($"{read.Surface} answered {(int)read.Status} where {(int)expected} was due ({rule}): {Excerpt(read.Body)}");
        }
    }

    private static void Expect(List<string> problems, bool holds, string problem)
    {
        if (!holds)
        {
            problems.Add(problem);
        }
    }

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>One anonymous answer: which service and address, its status and its body.</summary>
    private sealed record PublicRead(string Surface, HttpStatusCode Status, string Body)
    {
        public bool Found => Status == HttpStatusCode.OK;

        public JsonNode Json() => JsonNode.Parse(Body) ?? throw new InvalidOperationException($"{Surface} answered no JSON: {Body}");
    }

    /// <summary>
    /// Something not public before <see cref="PublicFrom"/> (never, when null), and where it shows from then on; not looked
    /// for in a read whose address holds <see cref="AskedWith"/>.
    /// </summary>
    private sealed record Secret(string What, Moment? PublicFrom, string Until, string? ShownOn, Func<string, bool> IsIn)
    {
        public string? AskedWith { get; init; }
    }
}
