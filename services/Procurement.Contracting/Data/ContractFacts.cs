using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Data;

/// <summary>
/// A contract's renewal lead time, as the lifecycle needs it for <c>EnterRenewalWindow</c> (DOMAIN.md §2). The core
/// defines what it asks; the feature that learns lead times from history (Continuity) answers it, registered by the
/// composition root (<see cref="ContractingModule"/>), so the core never reaches up into that feature.
/// </summary>
public interface IRenewalLeadTimes
{
    /// <summary>The lifecycle's rules for <paramref name="contract"/> with its renewal lead time.</summary>
    Task<ContractRules> LifecycleRulesAsync(ContractingDb db, Contract contract, CancellationToken cancellationToken);

    /// <summary>No contract's lead time is longer than this today (days): the clock's first cut before judging each contract.</summary>
    Task<int> LongestLeadTimeDaysAsync(ContractingDb db, DateOnly today, CancellationToken cancellationToken);
}

/// <summary>
/// The instalments Disbursement reported paid under a contract (<c>InstalmentPaid</c>), as termination and the
/// contract's answer read them; kept by the feature that copies those events (Continuity).
/// </summary>
public interface IPaidInstalments
{
    /// <summary>The sum paid under the contract so far (CNY).</summary>
    Task<decimal> RecordedPaidAsync(ContractingDb db, Guid contractId, CancellationToken cancellationToken);
}

/// <summary>A service program's public particulars, as the public contract list shows and filters them.</summary>
public sealed class ContractProgram
{
    public Guid ProgramId { get; init; }

    public string? Name { get; init; }

    /// <summary>Null while the copy does not know it (a program from before it was kept, until Tendering lists it).</summary>
    public string? Region { get; init; }

    /// <summary>The service domain's name (<c>Elderly</c>, …); null like <see cref="Region"/>.</summary>
    public string? ServiceDomain { get; init; }
}

/// <summary>
/// The service programs' names, regions and domains, for the public contract list (DOMAIN.md §11): a query the list joins
/// its contracts with; kept by the feature that copies Tendering's program events (Continuity).
/// </summary>
public interface IContractPrograms
{
    IQueryable<ContractProgram> Query(ContractingDb db);
}
