using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Evaluation.BidEvaluation.Endpoints;

public sealed record EmploymentBody(Guid? OrganisationId, string? OrganisationName, DateOnly? From, DateOnly? To);

/// <summary>An expert as an admin writes it (<c>POST /api/experts</c>, <c>PUT /api/experts/{id}</c> with the version).</summary>
public sealed record ExpertRequest(
    string? Name, string? EvaluatorUserId, IReadOnlyList<string>? ServiceDomains, IReadOnlyList<EmploymentBody>? Employment, bool? Available, int? Version)
{
    public (string Name, string UserId, IReadOnlyList<string> Domains, IReadOnlyList<Employment> Employment, bool Available) Validate(bool update)
    {
        var errors = new FieldErrors();
        errors.Required("name", Name, 200);
        errors.Required("evaluatorUserId", EvaluatorUserId, 100);
        if (ServiceDomains is null || ServiceDomains.Count == 0)
        {
            errors.Add("serviceDomains", "required");
        }
        else if (ServiceDomains.Any(d => !Domain.ServiceDomains.All.Contains(d, StringComparer.Ordinal)))
        {
            errors.Add("serviceDomains", "one_of", string.Join(", ", Domain.ServiceDomains.All));
        }

        var jobs = Employment ?? [];
        for (var i = 0; i < jobs.Count; i++)
        {
            errors.Required($"employment[{i}].organisationId", jobs[i].OrganisationId);
            errors.Required($"employment[{i}].organisationName", jobs[i].OrganisationName, 200);
            errors.Required($"employment[{i}].from", jobs[i].From);
        }

        if (Available is null)
        {
            errors.Add("available", "required");
        }

        if (update && Version is null)
        {
            errors.Add("version", "required");
        }

        errors.ThrowIfAny();
        return (Name!, EvaluatorUserId!, ServiceDomains!,
            [.. jobs.Select(j => new Employment(j.OrganisationId!.Value, j.OrganisationName!.Trim(), j.From!.Value, j.To))], Available!.Value);
    }
}

public sealed record ExpertResponse(
    Guid Id, string Name, string EvaluatorUserId, IReadOnlyList<string> ServiceDomains, IReadOnlyList<Employment> Employment, bool Available, int Version)
{
    public static ExpertResponse From(Expert e) => new(e.Id, e.Name, e.EvaluatorUserId, e.ServiceDomains, e.Employment, e.Available, e.Version);
}

/// <summary>A conflict an evaluator declares: against one agency or one tender, with a reason.</summary>
public sealed record ConflictRequest(Guid? AgencyId, Guid? TenderId, string? Reason)
{
    public void Validate() => new FieldErrors().Required("reason", Reason, 1000).ThrowIfAny();
}

public sealed record ConflictResponse(Guid Id, Guid? AgencyId, Guid? TenderId, string Reason, DateTimeOffset DeclaredAt)
{
    public static ConflictResponse From(ConflictDeclaration d) => new(d.Id, d.AgencyId, d.TenderId, d.Reason, d.DeclaredAt);
}

/// <summary>The declaration, and on how many sitting panels it made the platform draw a replacement.</summary>
public sealed record DeclaredConflictResponse(ConflictResponse Conflict, int PanelsReplacedOn);
