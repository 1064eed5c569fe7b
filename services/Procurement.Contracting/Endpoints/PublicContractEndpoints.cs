using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.Contracts.Tendering;
using Procurement.Contracting.Domain;
using Procurement.Contracting.Signatures;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Cryptography;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Contracting.Endpoints;

/// <summary>One party's signature of a version, as anyone may check it: the document, its hash, the signature and the key, base64.</summary>
public sealed record PublicContractSignature(
    ContractParty Party, Guid OrganisationId, string Suite, string DocumentHash, string Signature, string PublicKey, DateTimeOffset SignedAt);

/// <summary>A version of the terms: the signed one, an amendment or a bridge extension, with its canonical document.</summary>
public sealed record PublicContractVersion(
    int Number, string? ReasonCode, string? Text, int? BridgeMonths, decimal Amount, DateOnly End, DateTimeOffset CreatedAt,
    string? Document, IReadOnlyList<PublicContractSignature> Signatures);

/// <summary>
/// The contract announcement (合同公告, DOMAIN.md §11): parties, amount, period, payment schedule, KPIs and the state, with
/// every signed version; its termination, its renewal (predecessor and successor) and its bridge extensions as they
/// happen. No person's data: the parties are organisations, and the staffing plan is not in a contract's terms.
/// </summary>
public sealed record PublicContractAnnouncement(
    Guid Id, Guid? TenderId, Guid ProgramId, Guid PurchasingUnitId, Guid AgencyId, string AgencyName, decimal Amount, string Currency,
    DateOnly Start, DateOnly End, int PaymentTermDays, IReadOnlyList<ContractInstalment> PaymentSchedule, IReadOnlyList<ContractKpi> Kpis,
    ContractState State, DateTimeOffset SignedAt, DateTimeOffset? EndedAt, string? TerminationReason, Guid? PredecessorId, Guid? SuccessorId,
    IReadOnlyList<PublicContractVersion> Versions);

/// <summary>
/// One line of the list, with its service program's name, region and domain (null while Contracting has no copy of them:
/// a program from before it kept them, until Tendering's next start lists it).
/// </summary>
public sealed record PublicContractSummary(
    Guid Id, Guid? TenderId, Guid PurchasingUnitId, Guid AgencyId, string AgencyName, decimal Amount, DateOnly Start, DateOnly End,
    ContractState State, DateTimeOffset SignedAt, string? ProgramName = null, string? Region = null, ServiceDomain? ServiceDomain = null);

public sealed record PublicContractPage(IReadOnlyList<PublicContractSummary> Items, int Page, int PageSize, int Total);

/// <summary>Every signature of a published contract checked again; <see cref="Valid"/> when all hold.</summary>
public sealed record PublicContractVerification(Guid ContractId, bool Valid, IReadOnlyList<SignatureCheck> Signatures);

public static class PublicContractEndpoints
{
    public static RouteGroupBuilder MapPublicContractEndpoints(this IEndpointRouteBuilder routes)
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)> { ["public_contract"] = ("Contract announcement", "合同公告") });
        var group = routes.MapGroup("/api/public/contracts").WithTags("Public announcements").AllowAnonymous();
        group.MapGet("/", List)
            .WithName("ListPublicContracts")
            .WithSummary("Contract announcements, newest signature first, without sign-in, once both parties have signed: ?region= and "
                + "?serviceDomain= (its service program's), ?purchaser=, ?agency=, ?tender= (the tender it was awarded through), ?from= and ?to= "
                + "(signature days in Asia/Shanghai, inclusive), ?page= and ?pageSize= (at most 100).");
        group.MapGet("/{id:guid}", Get)
            .WithName("GetPublicContract")
            .WithSummary("A signed contract's announcement: parties, amount, period, schedule, KPIs, state, termination and renewal links, every version "
                + "of its terms with the canonical document each party signed, the document's hash and the signatures; 404 before both signatures.");
        group.MapGet("/{id:guid}/verification", Verify)
            .WithName("VerifyPublicContract")
            .WithSummary("Checks every signature of a published contract again: the document is the version's terms, the hash is the document's, the signature verifies under its key.");
        return group;
    }

    private static async Task<Ok<PublicContractPage>> List(
        ContractingDb db, [FromServices] IContractPrograms programs, string? region = null, ServiceDomain? serviceDomain = null, Guid? purchaser = null, Guid? agency = null, Guid? tender = null,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = PublicPaging.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        PublicPaging.Ensure(page, pageSize, from, to);
        var query = Published(db);
        if (purchaser is { } unit)
        {
            query = query.Where(c => c.PurchasingUnitId == unit);
        }

        if (agency is { } agencyId)
        {
            query = query.Where(c => c.AgencyId == agencyId);
        }

        if (tender is { } tenderId)
        {
            query = query.Where(c => c.TenderId == tenderId);
        }

        // Published at the later of the two signatures; the region and domain are its program's (IContractPrograms).
        var signed = from c in query
                     join p in programs.Query(db) on c.ProgramId equals p.ProgramId into matched
                     from program in matched.DefaultIfEmpty()
                     select new
                     {
                         c.Id, c.TenderId, c.PurchasingUnitId, c.AgencyId, c.AgencyName, c.Amount, c.Start, c.End, c.State,
                         SignedAt = c.PurchaserSignedAt > c.AgencySignedAt ? c.PurchaserSignedAt!.Value : c.AgencySignedAt!.Value,
                         ProgramName = program == null ? null : program.Name,
                         Region = program == null ? null : program.Region,
                         ServiceDomain = program == null ? null : program.ServiceDomain,
                     };
        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            signed = signed.Where(x => x.Region == wanted);
        }

        if (serviceDomain is { } domainWanted)
        {
            var wanted = domainWanted.ToString();
            signed = signed.Where(x => x.ServiceDomain == wanted);
        }

        if (from is { } start)
        {
            var since = ShanghaiTime.StartOfDay(start);
            signed = signed.Where(x => x.SignedAt >= since);
        }

        if (to is { } end)
        {
            var before = ShanghaiTime.StartOfDay(end.AddDays(1));
            signed = signed.Where(x => x.SignedAt < before);
        }

        var total = await signed.CountAsync(cancellationToken);
        var rows = await signed.OrderByDescending(x => x.SignedAt).ThenBy(x => x.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var pageItems = rows.Select(x => new PublicContractSummary(
            x.Id, x.TenderId, x.PurchasingUnitId, x.AgencyId, x.AgencyName, x.Amount, x.Start, x.End, x.State, x.SignedAt, x.ProgramName, x.Region,
            Enum.TryParse<ServiceDomain>(x.ServiceDomain, out var domain) ? domain : null)).ToList();
        return TypedResults.Ok(new PublicContractPage(pageItems, page, pageSize, total));
    }

    private static async Task<Ok<PublicContractAnnouncement>> Get(Guid id, ContractingDb db, CancellationToken cancellationToken)
    {
        var contract = await FindAsync(db, id, cancellationToken);
        var signatures = await db.ContractSignatures.AsNoTracking().Where(s => s.ContractId == id).ToListAsync(cancellationToken);
        var versions = contract.Versions.OrderBy(v => v.Number).Select(v =>
        {
            var signed = signatures.Where(s => s.TermsVersion == v.Number).OrderBy(s => s.Party).ToList();
            return new PublicContractVersion(
                v.Number, v.ReasonCode, v.Text, v.BridgeMonths, v.Amount, v.End, v.CreatedAt, signed.FirstOrDefault()?.Document,
                [.. signed.Select(s => new PublicContractSignature(
                    s.Party, s.OrganisationId, s.Suite, s.DocumentHash, Convert.ToBase64String(s.Signature), Convert.ToBase64String(s.PublicKey), s.SignedAt))]);
        }).ToList();
        return TypedResults.Ok(new PublicContractAnnouncement(
            contract.Id, contract.TenderId, contract.ProgramId, contract.PurchasingUnitId, contract.AgencyId, contract.AgencyName, contract.Amount, "CNY",
            contract.Start, contract.End, contract.PaymentTermDays, contract.PaymentSchedule, contract.Kpis, contract.State, SignedAt(contract),
            contract.EndedAt, contract.TerminationReason, contract.PredecessorId, contract.SuccessorId, versions));
    }

    private static async Task<Ok<PublicContractVerification>> Verify(Guid id, ContractingDb db, [FromServices] CryptoSuites suites, CancellationToken cancellationToken)
    {
        var contract = await FindAsync(db, id, cancellationToken);
        var signatures = await db.ContractSignatures.AsNoTracking().Where(s => s.ContractId == id).ToListAsync(cancellationToken);
        var checks = ContractVerification.Check(contract, signatures, suites);
        var valid = checks.Count > 0 && checks.All(c => c.DocumentMatchesTerms && c.HashMatches && c.SignatureValid);
        return TypedResults.Ok(new PublicContractVerification(id, valid, checks));
    }

    /// <summary>Contracts both parties signed: before that a contract is not public (DOMAIN.md §11).</summary>
    private static IQueryable<Contract> Published(ContractingDb db) =>
        db.Contracts.AsNoTracking().Where(c => c.PurchaserSignedAt != null && c.AgencySignedAt != null);

    private static async Task<Contract> FindAsync(ContractingDb db, Guid id, CancellationToken cancellationToken) =>
        await db.ContractsWithRecords.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == id && c.PurchaserSignedAt != null && c.AgencySignedAt != null, cancellationToken)
        ?? throw new NotFoundException(ProblemMessages.Get("public_contract"), id);

    private static DateTimeOffset SignedAt(Contract contract) =>
        contract.PurchaserSignedAt!.Value > contract.AgencySignedAt!.Value ? contract.PurchaserSignedAt.Value : contract.AgencySignedAt.Value;
}
