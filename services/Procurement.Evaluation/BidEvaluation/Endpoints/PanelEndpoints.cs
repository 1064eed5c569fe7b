using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Evaluation.BidEvaluation.Endpoints;

/// <summary>The purchaser's request for a panel: its size and the purchaser representatives (user ids) who sit on it.</summary>
public sealed record DrawPanelRequest(int? Size, IReadOnlyList<string>? Representatives)
{
    public (int Size, IReadOnlyList<string> Representatives) Validate()
    {
        var errors = new FieldErrors();
        if (Size is null or < 1)
        {
            errors.Add("size", "positive");
        }

        var representatives = (Representatives ?? []).Select(r => r?.Trim() ?? "").ToList();
        if (representatives.Any(r => r.Length is 0 or > 100))
        {
            errors.Add("representatives", "required");
        }

        errors.ThrowIfAny();
        return (Size!.Value, [.. representatives.Distinct(StringComparer.Ordinal)]);
    }
}

public sealed record SeatResponse(int Number, SeatKind Kind, Guid? ExpertId, string? ExpertName, string UserId, bool Active, string? LeftReason);

public sealed record DrawResponse(int Number, string Seed, IReadOnlyList<Guid> Candidates, int Count, IReadOnlyList<Guid> Selected, Guid? Replaces, DateTimeOffset DrawnAt);

public sealed record PanelResponse(
    Guid PanelId, Guid TenderId, int Size, int Experts, int Representatives, DateTimeOffset DrawnAt, IReadOnlyList<SeatResponse> Members,
    IReadOnlyList<SeatResponse> Replaced, IReadOnlyList<DrawResponse> Draws);

/// <summary>A panel the caller sits on, as the caller sees it: the tender, the caller's own seat, the panel's size; no other member.</summary>
public sealed record MyPanelResponse(
    Guid TenderId, string Title, string ProcurementMethod, EvaluationStage Stage, Guid PanelId, int Seat, SeatKind Kind, int PanelSize, DateTimeOffset DrawnAt);

public sealed record DrawReplayResponse(int Number, string Seed, IReadOnlyList<Guid> Candidates, IReadOnlyList<Guid> Recorded, IReadOnlyList<Guid> Replayed, bool Matches);

public sealed record ReplayResponse(Guid TenderId, Guid PanelId, bool Matches, IReadOnlyList<DrawReplayResponse> Draws);

/// <summary>The panel draw (DOMAIN.md §6): drawn by the tender's purchaser after opening, replayable by an auditor, hidden from agencies.</summary>
public static class PanelEndpoints
{
    public static RouteGroupBuilder MapPanelEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations/tenders/{tenderId:guid}/panel").WithTags("Evaluation panels");
        group.MapPost("/", Draw).RequireAuthorization(Roles.Purchaser)
            .WithName("DrawPanel").WithSummary("Draws the panel's experts at random (seed recorded) from the eligible pool; the rest are the named purchaser representatives.");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetPanel").WithSummary("The panel with its draws, for the purchaser, auditors and its members; agencies 403.");
        group.MapGet("/replay", Replay).RequireAuthorization(Roles.Auditor)
            .WithName("ReplayPanelDraw").WithSummary("Recomputes every draw from its seed and candidates and says whether the panel matches.");
        routes.MapGet("/api/evaluations/panels/mine", Mine).RequireAuthorization(Roles.Evaluator).WithTags("Evaluation panels")
            .WithName("GetMyPanels").WithSummary("The tenders whose panel the calling evaluator sits on, with the caller's seat; no other member is named.");
        return group;
    }

    /// <summary>The eligible experts for the tender today (expert id → evaluator user id), with extra declarations not yet saved.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, string>> EligibleAsync(
        EvaluationDb db, EvaluatedTender tender, IReadOnlySet<Guid> bidders, IReadOnlyList<ConflictDeclaration> unsaved, DateOnly day, EvaluationRules rules, CancellationToken ct)
    {
        var domain = await db.ProgramDomains().AsNoTracking().Where(p => p.ProgramId == tender.ProgramId).Select(p => p.ServiceDomain).FirstOrDefaultAsync(ct)
            ?? throw new ConflictException(EvaluationCodes.ProgramDomainUnknown);
        var pool = await db.Experts().AsNoTracking().Where(e => e.Available).ToListAsync(ct);
        var declarations = await db.ExpertConflicts().AsNoTracking().ToListAsync(ct);
        return PanelCandidates.Eligible(pool, [.. declarations, .. unsaved], domain, tender.TenderId, bidders, day, rules)
            .ToDictionary(e => e.Id, e => e.EvaluatorUserId);
    }

    private static async Task<Created<PanelResponse>> Draw(Guid tenderId, DrawPanelRequest request, HttpContext http, EvaluationDb db, TimeProvider clock, EvaluationRules rules)
    {
        var (size, representatives) = request.Validate();
        var ct = http.RequestAborted;
        var tender = await db.TenderAsync(tenderId, ct);
        if (tender.PurchasingUnitId != http.User.OrganisationId())
        {
            throw new NotFoundException(ProblemMessages.Get("evaluation"), tenderId);
        }

        tender.EnsureStage(EvaluationStage.ComplianceReview, EvaluationCodes.PanelAlreadyDrawn);
        if (await db.PanelAsync(tenderId, ct) is not null)
        {
            throw new ConflictException(EvaluationCodes.PanelAlreadyDrawn);
        }

        // The method's numbers are checked before the pool is read: a wrong size is the caller's to fix first.
        rules.CheckPanel(size, representatives.Count, tender.MinimumPanelSize, tender.OddPanelSize);
        var now = clock.GetUtcNow();
        var bidders = (await db.BidsAsync(tenderId, ct)).Select(b => b.AgencyId).ToHashSet();
        var eligible = await EligibleAsync(db, tender, bidders, [], now.ShanghaiDate(), rules, ct);
        var panel = Panel.Draw(tenderId, size, representatives, eligible, PanelLottery.NewSeed(), http.User.UserId(), now, rules, tender.MinimumPanelSize, tender.OddPanelSize);
        db.Panels().Add(panel);
        await db.SaveOrConflictAsync(ct, () => new ConflictException(EvaluationCodes.PanelAlreadyDrawn));
        return TypedResults.Created($"/api/evaluations/tenders/{tenderId}/panel", await ViewAsync(db, panel, ct));
    }

    private static async Task<Ok<PanelResponse>> Get(Guid tenderId, HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var tender = await db.TenderAsync(tenderId, ct);
        if (http.User.IsInRole(Roles.Agency))
        {
            throw new ForbiddenException(EvaluationCodes.PanelHiddenFromAgencies);
        }

        var panel = await db.PanelAsync(tenderId, ct);
        EvaluationAccess.EnsureInsider(http.User, tender, panel);
        return TypedResults.Ok(await ViewAsync(db, panel ?? throw new ConflictException(EvaluationCodes.PanelNotDrawn), ct));
    }

    private static async Task<Ok<MyPanelResponse[]>> Mine(HttpContext http, EvaluationDb db)
    {
        var ct = http.RequestAborted;
        var me = http.User.UserId();
        // Seats are a JSON column: the panels are read and the caller's seat is looked for here.
        var panels = (await db.Panels().AsNoTracking().ToListAsync(ct)).Where(p => p.HasMember(me)).ToList();
        var ids = panels.Select(p => p.TenderId).ToList();
        var tenders = await db.EvaluatedTenders().AsNoTracking().Where(t => ids.Contains(t.TenderId)).ToDictionaryAsync(t => t.TenderId, ct);
        return TypedResults.Ok(panels
            .Select(p => (Panel: p, Tender: tenders[p.TenderId], Seat: p.Members.First(s => s.UserId == me)))
            .OrderByDescending(x => x.Panel.DrawnAt)
            .Select(x => new MyPanelResponse(
                x.Tender.TenderId, x.Tender.Title, x.Tender.ProcurementMethod, x.Tender.Stage, x.Panel.Id, x.Seat.Number, x.Seat.Kind, x.Panel.Size, x.Panel.DrawnAt))
            .ToArray());
    }

    private static async Task<Ok<ReplayResponse>> Replay(Guid tenderId, EvaluationDb db, CancellationToken ct)
    {
        // A tender Evaluation does not know is 404; a known one without a panel yet is the state conflict.
        await db.TenderAsync(tenderId, ct);
        var panel = await db.RequirePanelAsync(tenderId, ct);
        var (matches, draws) = panel.Replay();
        return TypedResults.Ok(new ReplayResponse(tenderId, panel.Id, matches, [.. draws.Select(r =>
        {
            var record = panel.Draws[r.Number - 1];
            return new DrawReplayResponse(r.Number, record.Seed, record.Candidates, r.Recorded, r.Replayed, r.Matches);
        })]));
    }

    private static async Task<PanelResponse> ViewAsync(EvaluationDb db, Panel panel, CancellationToken ct)
    {
        var ids = panel.Seats.Where(s => s.ExpertId is not null).Select(s => s.ExpertId!.Value).ToList();
        var names = await db.Experts().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        SeatResponse Seat(PanelSeat s) => new(s.Number, s.Kind, s.ExpertId, s.ExpertId is { } id ? names.GetValueOrDefault(id) : null, s.UserId, s.Active, s.LeftReason);
        return new PanelResponse(
            panel.Id, panel.TenderId, panel.Size, panel.ExpertSeats, panel.Size - panel.ExpertSeats, panel.DrawnAt,
            [.. panel.Members.OrderBy(s => s.Number).Select(Seat)],
            [.. panel.Seats.Where(s => !s.Active).Select(Seat)],
            [.. panel.Draws.Select(d => new DrawResponse(d.Number, d.Seed, d.Candidates, d.Count, d.Selected, d.Replaces, d.DrawnAt))]);
    }
}

/// <summary>Who may see inside an evaluation: the tender's purchaser, auditors, and the panel's sitting members.</summary>
internal static class EvaluationAccess
{
    public static bool IsPurchaserOf(System.Security.Claims.ClaimsPrincipal user, EvaluatedTender tender) =>
        user.IsInRole(Roles.Purchaser) && user.OrganisationId() == tender.PurchasingUnitId;

    public static bool IsMember(System.Security.Claims.ClaimsPrincipal user, Panel? panel) =>
        panel is not null && (user.IsInRole(Roles.Evaluator) || user.IsInRole(Roles.Purchaser)) && panel.HasMember(user.UserId());

    public static bool IsInsider(System.Security.Claims.ClaimsPrincipal user, EvaluatedTender tender, Panel? panel) =>
        user.IsInRole(Roles.Auditor) || IsPurchaserOf(user, tender) || IsMember(user, panel);

    public static void EnsureInsider(System.Security.Claims.ClaimsPrincipal user, EvaluatedTender tender, Panel? panel)
    {
        if (!IsInsider(user, tender, panel))
        {
            throw new ForbiddenException(EvaluationCodes.NotPanelMember);
        }
    }

    /// <summary>The caller must sit on the panel (an expert, or a purchaser representative of the tender's unit).</summary>
    public static string EnsureMember(System.Security.Claims.ClaimsPrincipal user, EvaluatedTender tender, Panel panel)
    {
        var member = IsMember(user, panel) && (!user.IsInRole(Roles.Purchaser) || user.OrganisationId() == tender.PurchasingUnitId);
        return member ? user.UserId() : throw new ForbiddenException(EvaluationCodes.NotPanelMember);
    }
}
