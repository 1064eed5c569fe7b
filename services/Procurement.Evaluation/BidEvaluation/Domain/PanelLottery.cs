using System.Security.Cryptography;
using System.Text;

namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>
/// The draw itself, as a pure function of (seed, candidates): each candidate gets the ticket
/// SHA-256(seed ‖ "|" ‖ expert id), and the lowest tickets win. No <see cref="Random"/>, whose sequence is not
/// promised across runtimes: an auditor replays the draw years later and gets the same panel.
/// </summary>
public static class PanelLottery
{
    /// <summary>A fresh random seed: 32 bytes from the OS's cryptographic generator, as lower-case hex.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The ticket of one candidate under one seed (lower-case hex).</summary>
    public static string Ticket(string seed, Guid candidate) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + candidate.ToString("D"))));

    /// <summary>The <paramref name="count"/> candidates with the lowest tickets, in ticket order.</summary>
    public static IReadOnlyList<Guid> Select(string seed, IReadOnlyList<Guid> candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, candidates.Count);
        return [.. candidates
            .Select(c => (Candidate: c, Ticket: Ticket(seed, c)))
            .OrderBy(c => c.Ticket, StringComparer.Ordinal)
            .ThenBy(c => c.Candidate.ToString("D"), StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Candidate)];
    }

    /// <summary>Candidates in the order the record keeps them: by their id's text.</summary>
    public static IReadOnlyList<Guid> Sorted(IEnumerable<Guid> candidates) =>
        [.. candidates.Distinct().OrderBy(c => c.ToString("D"), StringComparer.Ordinal)];
}

/// <summary>Who may sit on a tender's panel (DOMAIN.md §6): the candidate filter before any draw.</summary>
public static class PanelCandidates
{
    /// <summary>
    /// Available experts of the program's service domain, minus those who worked for a bidding agency within the
    /// rule's window before <paramref name="drawDay"/>, minus those who declared a conflict with a bidder or the tender.
    /// </summary>
    public static IReadOnlyList<Expert> Eligible(
        IEnumerable<Expert> pool,
        IEnumerable<ConflictDeclaration> declarations,
        string serviceDomain,
        Guid tenderId,
        IReadOnlySet<Guid> biddingAgencies,
        DateOnly drawDay,
        EvaluationRules rules)
    {
        var conflicted = declarations.Where(d => d.Concerns(tenderId, biddingAgencies)).Select(d => d.ExpertId).ToHashSet();
        return [.. pool.Where(e =>
            e.Available
            && e.ServiceDomains.Contains(serviceDomain, StringComparer.Ordinal)
            && !conflicted.Contains(e.Id)
            && !e.WorkedForWithin(biddingAgencies, drawDay, rules))];
    }
}
