using System.Globalization;
using Procurement.ServiceDefaults.Problems;

namespace Procurement.Bidding.Domain.Bids;

public enum CommitmentKind
{
    /// <summary>An active contract's staffing.</summary>
    ActiveContract,

    /// <summary>A bid not withdrawn whose tender has not been decided.</summary>
    OpenBid,
}

/// <summary>Where a person's time is already committed: a contract or an open bid, named as people know it.</summary>
/// <param name="SourceId">The contract's id, or the bid's.</param>
/// <param name="Title">The title of the tender the bid is for, or the contract came from.</param>
/// <param name="AgencyName">The agency that committed the person.</param>
/// <param name="TenderId">The tender, when known.</param>
public sealed record Commitment(CommitmentKind Kind, Guid SourceId, string Title, string AgencyName, decimal Fte, Guid? TenderId = null);

/// <summary>A person a new staffing plan would commit, as the roster knows them.</summary>
public sealed record PlannedPerson(string IdLookupHash, string DisplayName, string IdNumberLastFour, decimal Fte);

/// <summary>One person the plan would commit beyond full time, with everything their time is already given to.</summary>
public sealed record FteCollision(string DisplayName, string IdNumberLastFour, IReadOnlyList<Commitment> Existing, decimal PlannedFte, decimal Total);

/// <summary>
/// No double counting (防挂证, DOMAIN.md §4): one person's FTE across every active contract and open bid,
/// at any agency, never exceeds 1.0. People are matched by ID lookup hash, which is how the same person is
/// recognised on two agencies' rosters; the hash never appears in a refusal, only the name and last four.
/// </summary>
/// <remarks>
/// The commitments are counted whole, without regard to service periods: a bid may win, so its staff are
/// taken from the moment it is submitted — the conservative reading of "open bids" in §4.
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
    /// Every person the plan would take beyond <see cref="FullTime"/>. When <paramref name="revisedBidId"/> is
    /// given, that bid's earlier commitments are left out: a revision replaces them and must not count twice.
    /// </summary>
    public IReadOnlyList<FteCollision> CollisionsWith(IEnumerable<PlannedPerson> plan, Guid? revisedBidId = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var collisions = new List<FteCollision>();
        foreach (var person in plan)
        {
            var existing = _byPerson.GetValueOrDefault(person.IdLookupHash, [])
                .Where(c => !(c.Kind == CommitmentKind.OpenBid && c.SourceId == revisedBidId))
                .ToList();
            var total = existing.Sum(c => c.Fte) + person.Fte;
            if (total > FullTime)
            {
                collisions.Add(new FteCollision(person.DisplayName, person.IdNumberLastFour, existing, person.Fte, total));
            }
        }

        return collisions;
    }

    /// <summary>
    /// Refuses (<c>fte_over_commitment</c>) a plan that would take anyone beyond full time, naming each
    /// person and what their time is already committed to. <paramref name="planTitle"/> names the new plan
    /// in the message (the tender's title).
    /// </summary>
    public void EnsureWithinFullTime(IEnumerable<PlannedPerson> plan, string planTitle, Guid? revisedBidId = null)
    {
        var collisions = CollisionsWith(plan, revisedBidId);
        if (collisions.Count == 0)
        {
            return;
        }

        var refusal = new RuleViolationException(BidCodes.FteOverCommitment, "staffing", collisions.Count, Describe(collisions, planTitle));
        refusal.Extensions["collisions"] = collisions.Select(c => new
        {
            person = c.DisplayName,
            idNumberLastFour = c.IdNumberLastFour,
            plannedFte = c.PlannedFte,
            totalFte = c.Total,
            commitments = c.Existing.Select(e => new
            {
                kind = e.Kind == CommitmentKind.ActiveContract ? "activeContract" : "openBid",
                id = e.SourceId,
                tenderId = e.TenderId,
                title = e.Title,
                agency = e.AgencyName,
                fte = e.Fte,
            }).ToArray(),
        }).ToArray();
        throw refusal;
    }

    // Language-neutral on purpose (names, titles and numbers only), so the en and zh-CN texts can both embed it:
    // "Wang Fang (…5670): 0.6 [Elderly care 2025 · Sunshine] + 0.5 [Youth services 2026] = 1.1".
    private static string Describe(IEnumerable<FteCollision> collisions, string planTitle) => string.Join("; ", collisions.Select(c =>
        $"{c.DisplayName} (…{c.IdNumberLastFour}): "
        + string.Join(" + ", c.Existing.Select(e => $"{Fte(e.Fte)} [{e.Title} · {e.AgencyName}]").Append($"{Fte(c.PlannedFte)} [{planTitle}]"))
        + $" = {Fte(c.Total)}"));

    private static string Fte(decimal fte) => fte.ToString("0.0#", CultureInfo.InvariantCulture);
}
