using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Continuity.Domain;
using Procurement.Contracting.Data;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Continuity.Data;

/// <summary>The core's <see cref="IRenewalLeadTimes"/>: the lead time learnt from history (<see cref="ContinuityStore.LeadTimeAsync"/>).</summary>
internal sealed class LearntRenewalLeadTimes(ContractRules contractRules, ContinuityRules rules) : IRenewalLeadTimes
{
    public Task<ContractRules> LifecycleRulesAsync(ContractingDb db, Contract contract, CancellationToken cancellationToken) =>
        db.LifecycleRulesAsync(contract, contractRules, rules, cancellationToken);

    public Task<int> LongestLeadTimeDaysAsync(ContractingDb db, DateOnly today, CancellationToken cancellationToken) =>
        db.LongestLeadTimeAsync(rules, today, cancellationToken);
}

/// <summary>The core's <see cref="IPaidInstalments"/>: Continuity's copy of <c>InstalmentPaid</c> (<see cref="PaidInstalment"/>).</summary>
internal sealed class RecordedPaidInstalments : IPaidInstalments
{
    public async Task<decimal> RecordedPaidAsync(ContractingDb db, Guid contractId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Summed here: SQLite cannot sum decimals in the query.
        var amounts = await db.Set<PaidInstalment>().AsNoTracking().Where(p => p.ContractId == contractId).Select(p => p.Amount).ToListAsync(cancellationToken);
        return amounts.Sum();
    }
}

/// <summary>The core's <see cref="IContractPrograms"/>: Continuity's copy of Tendering's programs (<see cref="ContinuityProgram"/>).</summary>
internal sealed class CopiedContractPrograms : IContractPrograms
{
    public IQueryable<ContractProgram> Query(ContractingDb db) =>
        db.Set<ContinuityProgram>().AsNoTracking().Select(p => new ContractProgram
        {
            ProgramId = p.ProgramId, Name = p.Name, Region = p.Region, ServiceDomain = p.ServiceDomain,
        });
}
