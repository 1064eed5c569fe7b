using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Bidding.Endpoints;

/// <summary>
/// A roster member as shown to the agency. It carries the last four characters of the ID number and
/// nothing else of it: neither the number nor its hash leaves the service.
/// </summary>
public sealed record WorkerResponse(
    Guid Id, Guid AgencyId, string Name, string IdNumberLastFour, CertificateLevel CertificateLevel, string? CertificateNumber,
    bool IsSupervisor, IReadOnlyList<TrainingRecord> TrainingHours, int TrainingHoursThisYear, int TrainingHoursLastThreeYears,
    bool MeetsTrainingTarget, bool Active, DateTimeOffset AddedAt, DateTimeOffset UpdatedAt, int Version)
{
    public static WorkerResponse From(SocialWorker w, DateOnly today) => new(
        w.Id, w.AgencyId, w.DisplayName, w.IdNumberLastFour, w.CertificateLevel, w.CertificateNumber, w.IsSupervisor, w.Training,
        w.TrainingHoursIn(today.Year), w.TrainingHoursOverThreeYearsTo(today.Year), w.MeetsTrainingTarget(today.Year), w.Active,
        w.AddedAt, w.UpdatedAt, w.Version);
}

public static class StaffEndpoints
{
    public static RouteGroupBuilder MapStaffEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/agencies/me/staff").WithTags("Staff roster").RequireAuthorization(Roles.Agency);

        group.MapPost("/", Add)
            .WithName("AddSocialWorker").WithSummary("Adds a social worker to the caller's roster; the same person twice is a 409.");
        group.MapGet("/", List)
            .WithName("ListSocialWorkers").WithSummary("The caller's roster, by name; deactivated workers only with includeInactive=true.");
        group.MapPut("/{workerId:guid}", Update)
            .WithName("UpdateSocialWorker").WithSummary("Updates a roster member's name, certificate, supervisor flag, training hours or active flag.");
        group.MapDelete("/{workerId:guid}", Deactivate)
            .WithName("DeactivateSocialWorker").WithSummary("Takes a worker off the active roster; the record stays.");
        return group;
    }

    private static async Task<Created<WorkerResponse>> Add(
        WorkerRequest request, HttpContext http, BiddingDb db, IdNumberProtector protector, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var today = now.ShanghaiDate();
        var protectedId = protector.Protect(request.ValidateNew(today));
        var agencyId = http.User.OrganisationId();
        if (!await db.Agencies.AnyAsync(a => a.Id == agencyId, http.RequestAborted))
        {
            throw new ConflictException("agency_profile_required");
        }

        var existing = await db.SocialWorkers.AsNoTracking()
            .Where(w => w.AgencyId == agencyId && w.IdLookupHash == protectedId.LookupHash)
            .Select(w => (Guid?)w.Id)
            .FirstOrDefaultAsync(http.RequestAborted);
        if (existing is { } existingId)
        {
            throw AlreadyOnRoster(protectedId, existingId);
        }

        var worker = SocialWorker.Enrol(
            agencyId, request.Name!, protectedId, request.Certificate(), request.IsSupervisor ?? false, request.Training(), today, now);
        db.SocialWorkers.Add(worker);
        db.CheckCertificateOnSave(worker);
        await db.SaveOrConflictAsync(http.RequestAborted, () => AlreadyOnRoster(protectedId, null));
        return TypedResults.Created($"/api/agencies/me/staff/{worker.Id}", WorkerResponse.From(worker, today));
    }

    private static async Task<Ok<WorkerResponse[]>> List(HttpContext http, BiddingDb db, TimeProvider clock, bool? includeInactive)
    {
        var agencyId = http.User.OrganisationId();
        var today = clock.GetUtcNow().ShanghaiDate();
        var query = db.SocialWorkers.AsNoTracking().Where(w => w.AgencyId == agencyId);
        if (includeInactive != true)
        {
            query = query.Where(w => w.Active);
        }

        var workers = await query.OrderBy(w => w.DisplayName).ThenBy(w => w.Id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(workers.Select(w => WorkerResponse.From(w, today)).ToArray());
    }

    private static async Task<Ok<WorkerResponse>> Update(Guid workerId, WorkerRequest request, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        request.ValidateUpdate();
        var worker = await FindOwnAsync(db, workerId, http);
        worker.EnsureVersion(request.Version);
        var now = clock.GetUtcNow();
        var today = now.ShanghaiDate();
        // Fields left out keep their value; a list sent replaces the training record.
        var training = request.TrainingHours is null ? worker.Training : request.Training();
        var numberBefore = worker.CertificateNumber;
        worker.Update(request.Name!, request.Certificate(), request.IsSupervisor ?? worker.IsSupervisor, training, today, now);
        if (worker.CertificateNumber is { } number && (numberBefore is null || CertificateLending.Normalise(numberBefore) != CertificateLending.Normalise(number)))
        {
            // Only a changed number is checked: a worker re-saved with the number they had is not refused for it.
            db.CheckCertificateOnSave(worker);
        }

        if (request.Active == true)
        {
            worker.Reactivate(now);
        }
        else if (request.Active == false)
        {
            worker.Deactivate(now);
        }

        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(WorkerResponse.From(worker, today));
    }

    private static async Task<Ok<WorkerResponse>> Deactivate(Guid workerId, HttpContext http, BiddingDb db, TimeProvider clock)
    {
        var worker = await FindOwnAsync(db, workerId, http);
        var now = clock.GetUtcNow();
        worker.Deactivate(now);
        await db.SaveOrConflictAsync(http.RequestAborted);
        return TypedResults.Ok(WorkerResponse.From(worker, now.ShanghaiDate()));
    }

    /// <summary>A worker on the caller's own roster; anyone else's is "not found".</summary>
    private static async Task<SocialWorker> FindOwnAsync(BiddingDb db, Guid workerId, HttpContext http)
    {
        var agencyId = http.User.OrganisationId();
        return await db.SocialWorkers.FirstOrDefaultAsync(w => w.Id == workerId && w.AgencyId == agencyId, http.RequestAborted)
            ?? throw new NotFoundException(ProblemMessages.Get("social_worker"), workerId);
    }

    private static ConflictException AlreadyOnRoster(ProtectedIdNumber id, Guid? workerId)
    {
        var conflict = new ConflictException("worker_already_on_roster", id.LastFour);
        conflict.Extensions["field"] = "idNumber";
        if (workerId is not null)
        {
            conflict.Extensions["workerId"] = workerId;
        }

        return conflict;
    }
}
