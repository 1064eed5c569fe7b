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
