using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Documents;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>One page of public announcements, newest first.</summary>
public sealed record PublicPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A tender announcement (采购公告) as listed to anyone: what is bought, by which program, until when.</summary>
public sealed record PublicTenderSummary(
    Guid Id, string Title, Guid ProgramId, string ProgramName, string Region, ServiceDomain ServiceDomain, Guid PurchasingUnitId,
    ProcurementMethod? ProcurementMethod, decimal BudgetCeiling, DateTimeOffset BidDeadline, DateTimeOffset BidDeadlineLocal, string TimeZone,
    DateOnly ServiceStart, DateOnly ServiceEnd, TenderStatus Status, DateTimeOffset PublishedAt, int Amendments,
    DateTimeOffset? ResultPublishedAt = null)
{
    internal static PublicTenderSummary From(Tender t, ServiceProgram p, int amendments, DateTimeOffset? resultPublishedAt) => new(
        t.Id, t.Title, p.Id, p.Name, p.Region, p.ServiceDomain, t.PurchasingUnitId, t.Method, t.BudgetCeiling,
        t.BidDeadline, t.BidDeadline.ToShanghai(), ShanghaiTime.TimeZoneId, t.ServiceStart, t.ServiceEnd, t.Status,
        t.PublishedAt!.Value, amendments, resultPublishedAt);
}

/// <summary>An answered question as published with the tender: never who asked it.</summary>
public sealed record PublicAnswer(string Question, string Answer, DateTimeOffset AnsweredAt, bool ChangesBids);

/// <summary>
/// The whole announcement of a published tender: its terms as the agencies bid on them, each amendment (更正公告), the
/// answers to questions (答疑), its documents, and — once it ended without a contract — why (流标 or 终止公告).
/// Nothing that is not public: not who asked a question, not the bids, not the award before it is announced.
/// </summary>
public sealed record PublicTenderAnnouncement(
    PublicTenderSummary Tender, string? ServiceDescription, EvaluationSchemeView? EvaluationScheme,
    StaffingRequirementView? StaffingRequirement, IReadOnlyList<string> Eligibility, IReadOnlyList<Kpi> Kpis,
    PaymentScheduleView? PaymentSchedule, PersonnelCostView? PersonnelCost, decimal? BidSecurity, string? SingleSourceJustification,
    DateTimeOffset? BiddingClosedAt, DateTimeOffset? CancelledAt, string? CancellationReason, DateTimeOffset? FailedAt, string? FailureReason,
    IReadOnlyList<AmendmentView> AmendmentHistory, IReadOnlyList<PublicAnswer> Answers, IReadOnlyList<DocumentView> Documents);

/// <summary>
/// Public announcements of tenders (DOMAIN.md §10): readable without an account. A draft does not exist here (404, as an
/// unknown id); from publication on, the tender, its amendments, its answered questions and its documents are public.
/// The edge limits these requests as anonymous traffic (per address, <c>Edge:RateLimit:AnonymousPermitLimit</c>).
/// </summary>
public static class PublicTenderEndpoints
{
    public const int DefaultPageSize = PublicPaging.DefaultPageSize;
    public const int MaxPageSize = PublicPaging.MaxPageSize;

    public static RouteGroupBuilder MapPublicTenderEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/public/tenders").WithTags("Public announcements").AllowAnonymous();

        group.MapGet("/", List)
            .WithName("ListPublicTenders")
            .WithSummary("Tender announcements, newest first, without sign-in: ?region=, ?purchaser= (the purchasing unit's id), "
                + "?serviceDomain=, ?from= and ?to= (publication dates in Asia/Shanghai, inclusive), ?page= (from 1) and ?pageSize= (at most 100).");
        group.MapGet("/{id:guid}", Get)
            .WithName("GetPublicTender")
            .WithSummary("A published tender's announcement with its amendments, answered questions and documents, without sign-in; a draft is 404.");
        group.MapGet("/{id:guid}/documents/{documentId:guid}", Download)
            .Produces<Stream>(StatusCodes.Status200OK, TenderDocumentEndpoints.DocumentContentTypes[0], TenderDocumentEndpoints.DocumentContentTypes[1..])
            .WithName("DownloadPublicTenderDocument")
            .WithSummary("A published tender's document, without sign-in: its bytes, its SHA-256 in the ETag and its file name in Content-Disposition.");
        return group;
    }

    private static async Task<Ok<PublicPage<PublicTenderSummary>>> List(
        HttpContext http, TenderingDb db, OpenData.OpenDataLedger ledger, string? region = null, Guid? purchaser = null, ServiceDomain? serviceDomain = null,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = DefaultPageSize)
    {
        PublicPaging.Ensure(page, pageSize, from, to);

        var query = from tender in db.Tenders.AsNoTracking()
                    join program in db.Programs.AsNoTracking() on tender.ProgramId equals program.Id
                    where tender.Status != TenderStatus.Draft && tender.PublishedAt != null
                    select new { tender, program };
        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            query = query.Where(x => x.program.Region == wanted);
        }

        if (purchaser is { } unit)
        {
            query = query.Where(x => x.tender.PurchasingUnitId == unit);
        }

        if (serviceDomain is { } domain)
        {
            query = query.Where(x => x.program.ServiceDomain == domain);
        }

        if (from is { } start)
        {
            var since = ShanghaiDays.At(start, TimeSpan.Zero);
            query = query.Where(x => x.tender.PublishedAt >= since);
        }

        if (to is { } end)
        {
            var before = ShanghaiDays.At(end.AddDays(1), TimeSpan.Zero);
            query = query.Where(x => x.tender.PublishedAt < before);
        }

        var total = await query.CountAsync(http.RequestAborted);
        var rows = await query.OrderByDescending(x => x.tender.PublishedAt).ThenBy(x => x.tender.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(http.RequestAborted);
        var ids = rows.Select(r => r.tender.Id).ToList();
        var amendments = await db.Amendments.AsNoTracking().Where(a => ids.Contains(a.TenderId))
            .GroupBy(a => a.TenderId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, http.RequestAborted);
        var results = await ledger.ResultsPublishedAsync(ids, http.RequestAborted);
        var items = rows.Select(r => PublicTenderSummary.From(
            r.tender, r.program, amendments.GetValueOrDefault(r.tender.Id), results.TryGetValue(r.tender.Id, out var at) ? at : null)).ToArray();
        return TypedResults.Ok(new PublicPage<PublicTenderSummary>(items, page, pageSize, total));
    }

    private static async Task<Ok<PublicTenderAnnouncement>> Get(Guid id, HttpContext http, TenderingDb db, OpenData.OpenDataLedger ledger)
    {
        var tender = await FindPublishedAsync(db, id, http);
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == tender.ProgramId, http.RequestAborted);
        var amendments = (await db.Amendments.AsNoTracking().Where(a => a.TenderId == id).ToListAsync(http.RequestAborted))
            .OrderBy(a => a.Number).Select(AmendmentView.From).ToArray();
        var answers = (await db.Questions.AsNoTracking().Where(q => q.TenderId == id && q.Answer != null).ToListAsync(http.RequestAborted))
            .OrderBy(q => q.AnsweredAt).Select(q => new PublicAnswer(q.Text, q.Answer!, q.AnsweredAt!.Value, q.ChangesBids)).ToArray();
        var documents = (await db.Documents.AsNoTracking().Where(d => d.TenderId == id).ToListAsync(http.RequestAborted))
            .OrderBy(d => d.UploadedAt).Select(DocumentView.From).ToArray();
        var full = TenderResponse.From(tender);
        var result = (await ledger.ResultsPublishedAsync([id], http.RequestAborted)).TryGetValue(id, out var at) ? at : (DateTimeOffset?)null;
        return TypedResults.Ok(new PublicTenderAnnouncement(
            PublicTenderSummary.From(tender, program, amendments.Length, result), full.ServiceDescription, full.EvaluationScheme, full.StaffingRequirement,
            full.Eligibility, full.Kpis, full.PaymentSchedule, full.PersonnelCost, full.BidSecurity, full.SingleSourceJustification,
            full.BiddingClosedAt, full.CancelledAt, full.CancellationReason,
            tender.Status == TenderStatus.Failed ? tender.DecidedAt : null, full.FailureReason,
            amendments, answers, documents));
    }

    private static async Task<FileStreamHttpResult> Download(Guid id, Guid documentId, HttpContext http, TenderingDb db, IDocumentStore store) =>
        await TenderDocumentEndpoints.StreamAsync(await FindPublishedAsync(db, id, http), documentId, http, db, store);

    /// <summary>A tender anyone may read: published (or later); a draft answers as an unknown tender.</summary>
    private static async Task<Tender> FindPublishedAsync(TenderingDb db, Guid id, HttpContext http) =>
        await db.Tenders.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Status != TenderStatus.Draft && t.PublishedAt != null, http.RequestAborted)
        ?? throw new NotFoundException(ProblemMessages.Get("tender"), id);
}
