using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Endpoints;

/// <summary>Questions and answers (答疑) and amendments (更正公告) of a published tender (DOMAIN.md §3).</summary>
public static class TenderChangeEndpoints
{
    public static RouteGroupBuilder MapTenderChangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tenders/{id:guid}").WithTags("Questions and amendments");

        group.MapPost("/questions", Ask).RequireAuthorization(Roles.Agency)
            .WithName("AskQuestion").WithSummary("An agency asks about a published tender before its deadline; nobody is ever told who asked.");
        group.MapPost("/questions/{questionId:guid}/answer", Answer).RequireAuthorization(Roles.Purchaser)
            .WithName("AnswerQuestion")
            .WithSummary("The tender's purchaser publishes an answer to every bidder (TenderClarified); changesBids: true counts as an amendment for the deadline margin.");
        group.MapGet("/questions", ListQuestions).RequireAuthorization(Policies.AnyUser)
            .WithName("ListQuestions")
            .WithSummary("Answered questions of a published tender, without the asker; the asker also sees its own unanswered ones, the purchaser all.");
        group.MapPost("/amendments", Amend).RequireAuthorization(Roles.Purchaser)
            .WithName("AmendTender")
            .WithSummary("Publishes an amendment: a new numbered version of the terms; inside the method's margin the deadline moves out (TenderAmended).");
        group.MapGet("/amendments", ListAmendments).RequireAuthorization(Policies.AnyUser)
            .WithName("ListAmendments").WithSummary("Every amendment of a published tender, in order, with what changed and when.");
        return group;
    }

    private static async Task<Created<QuestionView>> Ask(Guid id, AskQuestionRequest request, HttpContext http, TenderingDb db, TimeProvider clock)
    {
        request.Validate();
        var tender = await db.FindPublicTenderAsync(id, http);
        var agency = http.User.OrganisationId();
        var question = TenderQuestion.Ask(tender, agency, request.Text!, clock.GetUtcNow());
        db.Questions.Add(question);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/{id}/questions", QuestionView.From(question, agency));
    }

    private static async Task<Ok<QuestionView>> Answer(
        Guid id, Guid questionId, AnswerQuestionRequest request, HttpContext http, TenderingDb db, TimeProvider clock, MethodRuleBook book)
    {
        request.Validate();
        var now = clock.GetUtcNow();
        var tender = await db.FindOwnTenderAsync(id, http);
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId && q.TenderId == id, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("question"), questionId);
        var program = await db.Programs.AsNoTracking().FirstAsync(p => p.Id == tender.ProgramId, http.RequestAborted);
        var rules = await book.ForTenderAsync(tender, program, now, http.RequestAborted);
        question.Publish(tender, request.Answer!, request.ChangesBids ?? false, now, rules);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(QuestionView.From(question, http.User.OrganisationId()));
    }

    private static async Task<Ok<QuestionView[]>> ListQuestions(Guid id, HttpContext http, TenderingDb db)
    {
        var tender = await db.FindPublicTenderAsync(id, http);
        var caller = http.User.OrganisationId();
        var query = db.Questions.AsNoTracking().Where(q => q.TenderId == tender.Id);
        var seesAll = tender.PurchasingUnitId == caller || http.User.IsInRole(Roles.Auditor);
        if (!seesAll)
        {
            query = query.Where(q => q.Answer != null || q.AskedBy == caller);
        }

        var questions = await query.ToListAsync(http.RequestAborted);
        return TypedResults.Ok(questions.OrderBy(q => q.AskedAt).Select(q => QuestionView.From(q, caller)).ToArray());
    }

    private static async Task<Created<AmendmentView>> Amend(
        Guid id, AmendmentRequest request, HttpContext http, TenderingDb db, TimeProvider clock, MethodRuleBook book)
    {
        var now = clock.GetUtcNow();
        var tender = await db.FindOwnTenderAsync(id, http);
        request.Validate(tender.Method);
        if (request.Version is { } version && version != tender.Version)
        {
            throw new ConflictException("concurrency");
        }

        var program = await db.Programs.FirstAsync(p => p.Id == tender.ProgramId, http.RequestAborted);
        var rules = await book.ForTenderAsync(tender, program, now, http.RequestAborted);
        var amendment = tender.Amend(
            program, request.ToChange(tender.Method, rules), request.Description!, request.ChangesJson(), now, rules);
        db.Amendments.Add(amendment);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/tenders/{id}/amendments", AmendmentView.From(amendment));
    }

    private static async Task<Ok<AmendmentView[]>> ListAmendments(Guid id, HttpContext http, TenderingDb db)
    {
        var tender = await db.FindPublicTenderAsync(id, http);
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.TenderId == tender.Id).OrderBy(a => a.Number).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(amendments.Select(AmendmentView.From).ToArray());
    }

    /// <summary>
    /// A tender any signed-in user may read: once published (any status after Draft); a draft only for
    /// its own purchasing unit or an auditor. Otherwise 404.
    /// </summary>
    internal static async Task<Tender> FindPublicTenderAsync(this TenderingDb db, Guid id, HttpContext http)
    {
        var tender = await db.Tenders.FirstOrDefaultAsync(t => t.Id == id, http.RequestAborted);
        if (tender is null
            || (tender.Status == TenderStatus.Draft && !http.User.IsInRole(Roles.Auditor) && tender.PurchasingUnitId != http.User.OrganisationId()))
        {
            throw new NotFoundException(ProblemMessages.Get("tender"), id);
        }

        return tender;
    }

    /// <summary>A tender the caller may change: their own unit's (a draft of another unit is 404, a published one 403).</summary>
    internal static async Task<Tender> FindOwnTenderAsync(this TenderingDb db, Guid id, HttpContext http)
    {
        var tender = await db.FindPublicTenderAsync(id, http);
        if (tender.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new ForbiddenException();
        }

        return tender;
    }
}
