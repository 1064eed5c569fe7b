using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Bidding.Domain.Bids;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// Sealed bids (DOMAIN.md §5). Every route but the opening record and the audit check is the agency's own:
/// another agency's bid is "not found" whatever the route, and no other role can reach a bid before opening.
/// </summary>
public static class BidEndpoints
{
    public static RouteGroupBuilder MapBidEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bids").WithTags("Bids");
        group.MapPost("/", Submit).RequireAuthorization(Roles.Agency)
            .WithName("SubmitBid").WithSummary("Seals and stores a bid for an open tender; answers the receipt (bid id, version, server time, SHA-256).");
        group.MapGet("/mine", Mine).RequireAuthorization(Roles.Agency)
            .WithName("ListOwnBids").WithSummary("The caller's own bids with their content, unsealed for the owner; each read is audited.");
        group.MapGet("/{id:guid}", GetOwn).RequireAuthorization(Roles.Agency)
            .WithName("GetOwnBid").WithSummary("One of the caller's own bids with its content; anyone else's is 404.");
        group.MapPut("/{id:guid}", Revise).RequireAuthorization(Roles.Agency)
            .WithName("ReviseBid").WithSummary("Replaces the content with a new version before the deadline; answers the new receipt.");
        group.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Roles.Agency)
            .WithName("WithdrawBid").WithSummary("Withdraws the bid before the deadline.");
        group.MapPost("/{id:guid}/confirm", Confirm).RequireAuthorization(Roles.Agency)
            .WithName("ConfirmBid").WithSummary("Confirms, after an amendment, that the bid stands as it is.");
        group.MapGet("/openings/{tenderId:guid}", Opening).RequireAuthorization(Policies.AnyUser)
            .WithName("GetOpeningRecord").WithSummary("The opening record (开标记录): for the tender's bidders, its purchaser and auditors; others 404.");
        group.MapGet("/audit/verify", VerifyAudit).RequireAuthorization(Roles.Auditor)
            .WithName("VerifyUnsealAudit").WithSummary("Re-computes the unseal audit hash chain and names the first broken link.");
        return group;
    }

    /// <summary>
    /// The hot path of a deadline rush: the tender and its data key come from the <see cref="TenderCache"/>, the agency,
    /// its roster and any bid it already made on the tender from one compiled query, the register of the planned people
    /// from one more; the save goes to the database's writer, which reads the register again just before it commits.
    /// </summary>
    private static async Task<Created<BidReceiptResponse>> Submit(
        SubmitBidRequest request, HttpContext http, BiddingDb db, TenderCache tenders, BidSealer sealer, CommitmentTags tags, TimeProvider clock)
    {
        var (tenderId, draft) = request.Validate();
        var ct = http.RequestAborted;
        var agencyId = http.User.OrganisationId();
        var now = clock.GetUtcNow();
        var (tender, cachedKey) = await tenders.ReadAsync(db, tenderId, ct);
        if (tender is null)
        {
            throw new NotFoundException(ProblemMessages.Get("tender"), tenderId);
        }

        EnsureTakingBids(tender, now);
        var bidder = await BidderOnTender.For(db)(db, agencyId, tenderId)
            ?? throw new ConflictException(BidCodes.AgencyProfileRequiredToBid);
        if (bidder.Agency.IsDebarredOn(now.ShanghaiDate()))
        {
            throw new ForbiddenException(BidCodes.AgencyDebarred);
        }

        EnsureNotSuspended(bidder.Agency);
        if (bidder.ExistingBidId is { } existingId)
        {
            throw AlreadyBid(existingId);
        }

        var validated = Validate(db, tags, draft, tender, agencyId, null, bidder.Roster);
        var key = cachedKey ?? await db.DataKeyForAsync(sealer, tenderId, now, ct);
        var bid = Bid.Submit(tender, validated, sealer, key, now);
        db.Bids.Add(bid);
        db.CommitNewBid(tags, bid.Id, validated.People);
        await db.SaveOrConflictAsync(ct, () => AlreadyBid(null));
        return TypedResults.Created($"/api/bids/{bid.Id}", BidReceiptResponse.From(bid));
    }

    /// <summary>An agency about to bid on a tender: its profile, its roster, and the bid it already has there (not withdrawn).</summary>
    internal sealed record Bidder(Agency Agency, Guid? ExistingBidId, List<SocialWorker> Roster);

    internal static readonly CompiledQuery<Func<BiddingDb, Guid, Guid, Task<Bidder?>>> BidderOnTender = new(() => EF.CompileAsyncQuery(
        (BiddingDb db, Guid agencyId, Guid tenderId) => db.Agencies.AsNoTracking()
            .Where(a => a.Id == agencyId)
            .Select(a => new Bidder(
                a,
                db.Bids.Where(b => b.TenderId == tenderId && b.AgencyId == a.Id && b.Status != BidStatus.Withdrawn).Select(b => (Guid?)b.Id).FirstOrDefault(),
                db.SocialWorkers.Where(w => w.AgencyId == a.Id).ToList()))
            .FirstOrDefault()));

    /// <summary>
    /// The reads and the cryptography of <see cref="Submit"/> once, on nothing (<see cref="SubmitWarmUp"/>): compiles
    /// what the first bids would compile. Reads no row that exists and writes none.
    /// </summary>
    internal static async Task WarmUpAsync(
        BiddingDb db, TenderCache tenders, BidSealer sealer, CommitmentTags tags, JsonSerializerOptions json, TimeProvider clock, CancellationToken ct)
    {
        var nothing = Guid.Empty;
        await tenders.ReadAsync(db, nothing, ct);
        await BidderOnTender.For(db)(db, nothing, nothing);
        await db.CommitmentsOfAsync(tags, ["warm-up"], null, ct);

        var now = clock.GetUtcNow();
        var key = sealer.CreateDataKey(nothing, now);
        var stored = sealer.Seal(key, nothing, 1, "{}"u8).ToBytes();
        sealer.Unseal(key, nothing, 1, stored, new UnsealRequest("warm-up", null, UnsealPurpose.OwnerRead, "warm-up"), now);

        JsonSerializer.Deserialize<SubmitBidRequest>("""{"tenderId":"00000000-0000-0000-0000-000000000000","content":{}}""", json);
        JsonSerializer.Serialize(new BidReceiptResponse(nothing, nothing, 1, now, SealedContent.Sha256Hex(stored), BidStatus.Submitted), json);
    }

    private static async Task<Ok<BidReceiptResponse>> Revise(
        Guid id, ReviseBidRequest request, HttpContext http, BiddingDb db, BidSealer sealer, CommitmentTags tags, TimeProvider clock)
    {
        var draft = request.Validate();
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var bid = await FindOwnAsync(db, id, http);
        bid.EnsureVersion(request.Version);
        var tender = await FindTenderAsync(db, bid.TenderId, ct);
        EnsureTakingBids(tender, now);
        if (bid.Status == BidStatus.Withdrawn)
        {
            throw new ConflictException(BidCodes.BidWithdrawn);
        }

        EnsureNotSuspended(await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == bid.AgencyId, ct));

        var roster = await db.SocialWorkers.AsNoTracking().Where(w => w.AgencyId == bid.AgencyId).ToListAsync(ct);
        var validated = Validate(db, tags, draft, tender, bid.AgencyId, bid.Id, roster);
        var key = await db.DataKeyForAsync(sealer, tender.TenderId, now, ct);
        bid.Revise(tender, validated, sealer, key, now);
        await db.RecommitBidAsync(tags, bid.Id, validated.People, ct);
        await db.SaveOrConflictAsync(ct);
        return TypedResults.Ok(BidReceiptResponse.From(bid));
    }

    /// <summary>A suspended registration (Identity's <c>AgencySuspended</c>) may neither submit nor revise a bid; the answer gives the reason.</summary>
    private static void EnsureNotSuspended(Agency? agency)
    {
        if (agency is { Suspended: true })
        {
            throw new RuleViolationException(BidCodes.AgencySuspended, null, agency.SuspensionReason);
        }
    }

    private static async Task<Ok<BidReceiptResponse>> Withdraw(Guid id, HttpContext http, BiddingDb db, CommitmentTags tags, TimeProvider clock)
    {
        var bid = await FindOwnAsync(db, id, http);
        var tender = await FindTenderAsync(db, bid.TenderId, http.RequestAborted);
        bid.Withdraw(tender, clock.GetUtcNow());
        await db.ReleaseBidAsync(tags, bid.Id, http.RequestAborted);
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(BidReceiptResponse.From(bid));
    }

    private static async Task<Ok<BidReceiptResponse>> Confirm(Guid id, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var bid = await FindOwnAsync(db, id, http);
        var tender = await FindTenderAsync(db, bid.TenderId, http.RequestAborted);
        bid.ConfirmAfterAmendment(tender, clock.GetUtcNow());
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(BidReceiptResponse.From(bid));
    }

    private static async Task<Ok<OwnBidResponse[]>> Mine(HttpContext http, BiddingDb db, BidSealer sealer, TimeProvider clock)
    {
        var agencyId = http.User.OrganisationId();
        var bids = await db.OwnBids(agencyId).ToListAsync(http.RequestAborted);
        var read = await ReadOwnAsync(db, sealer, clock, http, bids, "Agency listed its own bids (GET /api/bids/mine)");
        return TypedResults.Ok(read.OrderByDescending(b => b.FirstSubmittedAt).ToArray());
    }

    private static async Task<Ok<OwnBidResponse>> GetOwn(Guid id, HttpContext http, BiddingDb db, BidSealer sealer, TimeProvider clock)
    {
        var bid = await FindOwnAsync(db, id, http, tracked: false);
        var read = await ReadOwnAsync(db, sealer, clock, http, [bid], "Agency read its own bid (GET /api/bids/{id})");
        return TypedResults.Ok(read.Single());
    }

    private static async Task<List<OwnBidResponse>> ReadOwnAsync(
        BiddingDb db, BidSealer sealer, TimeProvider clock, HttpContext http, IReadOnlyList<Bid> bids, string reason)
    {
        var ct = http.RequestAborted;
        var now = clock.GetUtcNow();
        var tenderIds = bids.Select(b => b.TenderId).Distinct().ToList();
        var tenders = await db.OpenTenders.AsNoTracking().Where(t => tenderIds.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, ct);
        var keys = await db.TenderDataKeys.AsNoTracking().Where(k => tenderIds.Contains(k.TenderId)).ToDictionaryAsync(k => k.TenderId, ct);
        var request = new UnsealRequest(http.User.UserId(), http.User.OrganisationId(), UnsealPurpose.OwnerRead, reason);
        var records = new List<UnsealRecord>();
        var responses = new List<OwnBidResponse>();
        foreach (var bid in bids)
        {
            var tender = tenders[bid.TenderId];
            var opened = bid.Unseal(tender, sealer, keys[bid.TenderId], request, now);
            records.Add(opened.Record);
            responses.Add(new OwnBidResponse(
                bid.Id, bid.TenderId, tender.Title, tender.BidDeadline, bid.Status, bid.Version, BidReceiptResponse.From(bid),
                bid.FirstSubmittedAt, bid.WithdrawnAt, bid.OpenedAt, opened.Content));
        }

        // The content leaves only once its reading is on the audit chain.
        await db.SaveWithAuditAsync(records, ct);
        return responses;
    }

    private static async Task<Ok<OpeningRecordResponse>> Opening(Guid tenderId, HttpContext http, BiddingDb db)
    {
        var ct = http.RequestAborted;
        var record = await db.OpeningRecords.AsNoTracking().FirstOrDefaultAsync(r => r.TenderId == tenderId, ct);
        var notFound = new NotFoundException(ProblemMessages.Get("opening_record"), tenderId);
        if (record is null)
        {
            throw notFound;
        }

        var user = http.User;
        var organisation = user.OrganisationId();
        var visible = user.IsInRole(Roles.Auditor)
            || (user.IsInRole(Roles.Purchaser) && organisation == record.PurchasingUnitId)
            || (user.IsInRole(Roles.Agency) && await db.OwnBids(organisation).AnyAsync(b => b.TenderId == tenderId, ct));
        if (!visible)
        {
            throw notFound;
        }

        var title = await db.OpenTenders.Where(t => t.TenderId == tenderId).Select(t => t.Title).FirstAsync(ct);
        return TypedResults.Ok(new OpeningRecordResponse(
            record.TenderId, title, record.OpenedAt,
            [.. record.Entries.Select(e => new OpeningEntryResponse(e.BidId, e.AgencyId, e.AgencyName, e.Price, e.ReceiptHash, e.BidVersion))]));
    }

    private static async Task<Ok<AuditVerificationResponse>> VerifyAudit(
        [FromServices] IEnumerable<IAuditChain> chains, CancellationToken cancellationToken)
    {
        var report = await chains.OfType<UnsealAuditChain>().Single().VerifyAsync(cancellationToken);
        // The problem's code, and for a gap which entries are missing.
        var problem = report.FirstBroken is { Problem: "sequence_gap" } gap ? $"{gap.Problem}: {gap.Detail}" : report.FirstBroken?.Problem;
        return TypedResults.Ok(new AuditVerificationResponse(report.Checked, report.Intact, report.FirstBroken?.Sequence, problem));
    }

    /// <summary>
    /// Checks the draft against the tender and the agency's roster. The double-counting register is read once, where it
    /// must be read anyway: inside the save's transaction, just before the commit (on SQLite in the database's single
    /// writer), since another agency's bid for the same person may commit at any moment before. A plan over full time
    /// is refused there, with the same answer.
    /// </summary>
    private static ValidatedBid Validate(
        BiddingDb db, CommitmentTags tags, BidDraft draft, OpenTender tender, Guid agencyId, Guid? revisedBidId, List<SocialWorker> roster)
    {
        var validated = BidRules.Validate(draft, tender.ForBids(), agencyId, roster, FteCommitments.None, revisedBidId);
        var hashes = validated.People.Select(p => p.IdLookupHash).ToList();
        db.CommitCheck = async commitCt =>
            (await db.CommitmentsOfAsync(tags, hashes, revisedBidId, commitCt)).EnsureWithinFullTime(validated.People);
        return validated;
    }

    private static void EnsureTakingBids(OpenTender tender, DateTimeOffset now)
    {
        if (!tender.IsOpenAt(now))
        {
            throw new ConflictException(BidCodes.BiddingClosed, tender.BidDeadline);
        }
    }

    private static async Task<OpenTender> FindTenderAsync(BiddingDb db, Guid tenderId, CancellationToken ct) =>
        await db.OpenTenders.AsNoTracking().FirstOrDefaultAsync(t => t.TenderId == tenderId, ct)
        ?? throw new NotFoundException(ProblemMessages.Get("tender"), tenderId);

    /// <summary>A bid of the caller's own agency; anyone else's is "not found", never "forbidden".</summary>
    private static async Task<Bid> FindOwnAsync(BiddingDb db, Guid id, HttpContext http, bool tracked = true)
    {
        var agencyId = http.User.OrganisationId();
        var query = tracked ? db.Bids : db.Bids.AsNoTracking();
        return await query.FirstOrDefaultAsync(b => b.Id == id && b.AgencyId == agencyId, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("bid"), id);
    }

    private static ConflictException AlreadyBid(Guid? bidId)
    {
        var conflict = new ConflictException(BidCodes.BidAlreadySubmitted);
        if (bidId is not null)
        {
            conflict.Extensions["bidId"] = bidId;
        }

        return conflict;
    }
}
