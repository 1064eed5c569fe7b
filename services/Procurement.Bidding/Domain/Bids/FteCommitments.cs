using System.Globalization;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Domain.Bids;

public enum CommitmentKind
{
    /// <summary>An active contract's staffing.</summary>
    ActiveContract,

    /// <summary>A bid not withdrawn whose tender has not been decided.</summary>
    OpenBid,
}

/// <summary>Where some of a person's time already goes: an active contract or an open bid, at any agency, unnamed.</summary>
public sealed record Commitment(CommitmentKind Kind, decimal Fte);

/// <summary>A person a new staffing plan would commit, as the planning agency's own roster knows them.</summary>
public sealed record PlannedPerson(string IdLookupHash, string DisplayName, string IdNumberLastFour, decimal Fte);

/// <summary>One of the agency's own workers the plan would commit beyond full time, and by how much.</summary>
/// <param name="Committed">The FTE already committed elsewhere (contracts and other open bids, any agency).</param>
public sealed record FteCollision(string DisplayName, string IdNumberLastFour, decimal Committed, decimal PlannedFte, decimal Total)
{
    public decimal Over => Total - FteCommitments.FullTime;
}

/// <summary>
/// No double counting (防挂证, DOMAIN.md §4): one person's FTE across every active contract and open bid,
/// at any agency, never exceeds 1.0. People are matched by ID lookup hash, which is how the same person is
/// recognised on two agencies' rosters; the hash never appears in a refusal.
/// </summary>
/// <remarks>
/// The commitments are counted whole, without regard to service periods: a bid may win, so its staff are
/// taken from the moment it is submitted — the conservative reading of "open bids" in §4.
/// A refusal names only the planning agency's own worker (from its own roster), what is already committed
/// elsewhere in total and by how much the plan goes over: never where the rest of the time goes, which would tell
/// one agency who else bid on which tender with whom before the opening (issue 12 item 3, issue 16 item 4).
/// </remarks>
public sealed class FteCommitments
{
    public const decimal FullTime = 1.0m;

    private readonly Dictionary<string, IReadOnlyList<Commitment>> _byPerson;

    /// <param name="byPerson">Existing commitments by ID lookup hash (from contracts and open bids, all agencies).</param>
    public FteCommitments(IReadOnlyDictionary<string, IReadOnlyList<Commitment>> byPerson)
    {
        ArgumentNullException.ThrowIfNull(byPerson);
        _byPerson = new Dictionary<string, IReadOnlyList<Commitment>>(byPerson, StringComparer.OrdinalIgnoreCase);
    }

    public static FteCommitments None { get; } = new(new Dictionary<string, IReadOnlyList<Commitment>>());

    /// <summary>
    /// Every person the plan would take beyond <see cref="FullTime"/>. A revision's own earlier commitments must
    /// already be left out of these commitments (the register reads them so): it replaces them.
    /// </summary>
    public IReadOnlyList<FteCollision> CollisionsWith(IEnumerable<PlannedPerson> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var collisions = new List<FteCollision>();
        foreach (var person in plan)
        {
            var committed = _byPerson.GetValueOrDefault(person.IdLookupHash, []).Sum(c => c.Fte);
            var total = committed + person.Fte;
            if (total > FullTime)
            {
                collisions.Add(new FteCollision(person.DisplayName, person.IdNumberLastFour, committed, person.Fte, total));
            }
        }

        return collisions;
    }

    /// <summary>
    /// Refuses (<c>fte_over_commitment</c>) a plan that would take anyone beyond full time, naming each of the
    /// agency's own workers concerned and the FTE: already committed, planned, total and over.
    /// </summary>
    public void EnsureWithinFullTime(IEnumerable<PlannedPerson> plan)
    {
        var collisions = CollisionsWith(plan);
        if (collisions.Count == 0)
        {
            return;
        }

        var refusal = new RuleViolationException(BidCodes.FteOverCommitment, "staffing", collisions.Count, Describe(collisions));
        refusal.Extensions["collisions"] = collisions.Select(c => new
        {
            person = c.DisplayName,
            idNumberLastFour = c.IdNumberLastFour,
            committedFte = c.Committed,
            plannedFte = c.PlannedFte,
            totalFte = c.Total,
            overFte = c.Over,
        }).ToArray();
        throw refusal;
    }

    // Language-neutral on purpose (names and numbers only), so the en and zh-CN texts can both embed it; the texts
    // say what the three numbers are: "Wang Fang (…5670): 0.6 + 0.5 = 1.1 (+0.1)".
    private static string Describe(IEnumerable<FteCollision> collisions) => string.Join("; ", collisions.Select(c =>
        $"{c.DisplayName} (…{c.IdNumberLastFour}): {Fte(c.Committed)} + {Fte(c.PlannedFte)} = {Fte(c.Total)} (+{Fte(c.Over)})"));

    private static string Fte(decimal fte) => fte.ToString("0.0#", CultureInfo.InvariantCulture);
}
