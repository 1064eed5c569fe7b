using Microsoft.EntityFrameworkCore;
using Procurement.Bidding.Domain.Bids;
using Procurement.ServiceDefaults.Audit;

namespace Procurement.Bidding.Data;

/// <summary>
/// Bidding's second chain, the reads of unsealed bid content (<see cref="UnsealAuditEntry"/>), re-computed beside the chain
/// of its state changes for the auditor (<c>GET /api/audit/chains/bidding</c>). Each unseal is also a state change (the row
/// it adds), so it is on both chains; this one is SHA-256 as it always was.
/// </summary>
internal sealed class UnsealAuditChain(IServiceScopeFactory scopes, TimeProvider clock) : IAuditChain
{
    public const string ChainName = "unseal-reads";

    public string Service => "bidding";

    public string Name => ChainName;

    public async Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BiddingDb>();
        var verifier = new UnsealAuditVerifier();
        UnsealAuditEntry? head = null;
        await foreach (var entry in db.UnsealAudit.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            verifier.Check(entry);
            head = entry;
        }

        var broken = verifier.FirstBroken;
        return new AuditChainReport(
            Service, Name, verifier.Checked, 0, head?.Sequence, head?.Hash, head?.At,
            new Dictionary<string, long> { ["sha-256"] = verifier.Checked }, broken is null, broken, clock.GetUtcNow());
    }
}
