using Procurement.Contracts.Evaluation;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.BidEvaluation.Domain;

public enum SeatKind
{
    Expert,
    PurchaserRepresentative,
}

/// <summary>One seat of a panel: an expert from the pool or a purchaser representative, by user id.</summary>
/// <param name="Number">The seat's number (1…size); a replacement takes the seat of the member it replaces.</param>
/// <param name="Kind">Expert or purchaser representative.</param>
/// <param name="ExpertId">The expert, for an expert seat.</param>
/// <param name="UserId">The user who sits (evaluator or purchaser user id).</param>
/// <param name="Active">False once the member was replaced.</param>
/// <param name="LeftReason">Why the member left, when replaced.</param>
public sealed record PanelSeat(int Number, SeatKind Kind, Guid? ExpertId, string UserId, bool Active, string? LeftReason);

/// <summary>One recorded draw: enough to replay it (seed, sorted candidates, how many) and what it chose.</summary>
/// <param name="Number">1 for the panel's draw, 2… for replacement draws.</param>
/// <param name="Seed">The random seed (hex).</param>
/// <param name="Candidates">The candidates, sorted by id text.</param>
/// <param name="Count">How many were drawn.</param>
/// <param name="Selected">Who was drawn, in ticket order.</param>
/// <param name="Replaces">For a replacement draw, the expert replaced.</param>
/// <param name="DrawnAt">When (UTC).</param>
public sealed record DrawRecord(int Number, string Seed, IReadOnlyList<Guid> Candidates, int Count, IReadOnlyList<Guid> Selected, Guid? Replaces, DateTimeOffset DrawnAt);

/// <summary>A draw replayed from its record.</summary>
public sealed record DrawReplay(int Number, IReadOnlyList<Guid> Recorded, IReadOnlyList<Guid> Replayed, bool Matches);

/// <summary>The evaluation panel (评审小组) of one tender, with every draw that made it.</summary>
public sealed class Panel : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private Panel()
    {
        DrawnBy = "";
        Seats = [];
        Draws = [];
    }

    public Guid Id { get; private set; }

    public Guid TenderId { get; private set; }

    public int Size { get; private set; }

    public int ExpertSeats { get; private set; }

    public IReadOnlyList<PanelSeat> Seats { get; private set; }

    public IReadOnlyList<DrawRecord> Draws { get; private set; }

    public string DrawnBy { get; private set; }

    public DateTimeOffset DrawnAt { get; private set; }

    public int Version { get; private set; }

    public IEnumerable<PanelSeat> Members => Seats.Where(s => s.Active);

    public bool HasMember(string userId) => Members.Any(s => s.UserId == userId);

    public bool HasExpert(Guid expertId) => Members.Any(s => s.ExpertId == expertId);

    /// <summary>
    /// Draws the expert seats from <paramref name="candidates"/> (expert id → evaluator user id) with <paramref name="seed"/>;
    /// the remaining seats go to the named purchaser representatives.
    /// </summary>
    public static Panel Draw(
        Guid tenderId, int size, IReadOnlyList<string> representatives, IReadOnlyDictionary<Guid, string> candidates,
        string seed, string drawnBy, DateTimeOffset now, EvaluationRules rules, int? minimumSize, bool odd)
    {
        rules.CheckPanel(size, representatives.Count, minimumSize, odd);
        var expertSeats = size - representatives.Count;
        if (candidates.Count < expertSeats)
        {
            throw new RuleViolationException(EvaluationCodes.PanelNotEnoughCandidates, "size", candidates.Count, expertSeats);
        }

        var sorted = PanelLottery.Sorted(candidates.Keys);
        var selected = PanelLottery.Select(seed, sorted, expertSeats);
        var seats = selected.Select((id, i) => new PanelSeat(i + 1, SeatKind.Expert, id, candidates[id], true, null))
            .Concat(representatives.Select((user, i) => new PanelSeat(expertSeats + i + 1, SeatKind.PurchaserRepresentative, null, user, true, null)));
        var panel = new Panel
        {
            Id = Guid.CreateVersion7(),
            TenderId = tenderId,
            Size = size,
            ExpertSeats = expertSeats,
            Seats = [.. seats],
            Draws = [new DrawRecord(1, seed, sorted, expertSeats, selected, null, now)],
            DrawnBy = drawnBy,
            DrawnAt = now,
            Version = 1,
        };
        panel._events.Record(new PanelDrawn(tenderId, panel.Id, size, expertSeats, now));
        return panel;
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    /// <summary>Everyone any draw of this panel chose: they are not drawn again.</summary>
    public IReadOnlySet<Guid> EverDrawn => Draws.SelectMany(d => d.Selected).ToHashSet();

    /// <summary>
    /// Replaces <paramref name="expertId"/>, who declared a conflict after the draw, by a new recorded draw from the first
    /// draw's candidates who were never drawn and are still eligible (<paramref name="stillEligible"/>: expert id → user id).
    /// </summary>
    /// <returns>The replacement's expert id.</returns>
    public Guid Replace(Guid expertId, string reason, IReadOnlyDictionary<Guid, string> stillEligible, string seed, DateTimeOffset now)
    {
        var seat = Members.FirstOrDefault(s => s.ExpertId == expertId)
            ?? throw new InvalidOperationException($"Expert {expertId} does not sit on panel {Id}.");
        var drawn = EverDrawn;
        var remaining = PanelLottery.Sorted(Draws[0].Candidates.Where(c => !drawn.Contains(c) && stillEligible.ContainsKey(c)));
        if (remaining.Count == 0)
        {
            throw new ConflictException(EvaluationCodes.NoReplacementCandidate, TenderId);
        }

        var chosen = PanelLottery.Select(seed, remaining, 1)[0];
        Seats = [.. Seats.Select(s => s == seat ? s with { Active = false, LeftReason = reason } : s),
            new PanelSeat(seat.Number, SeatKind.Expert, chosen, stillEligible[chosen], true, null)];
        Draws = [.. Draws, new DrawRecord(Draws.Count + 1, seed, remaining, 1, [chosen], expertId, now)];
        Version++;
        return chosen;
    }

    /// <summary>Recomputes every draw from its record, and checks the sitting experts are what the draws make.</summary>
    public (bool Matches, IReadOnlyList<DrawReplay> Draws) Replay()
    {
        var replays = Draws.Select(d =>
        {
            var replayed = PanelLottery.Select(d.Seed, d.Candidates, d.Count);
            return new DrawReplay(d.Number, d.Selected, replayed, replayed.SequenceEqual(d.Selected));
        }).ToList();

        var sitting = new HashSet<Guid>();
        foreach (var replay in replays)
        {
            var draw = Draws[replay.Number - 1];
            if (draw.Replaces is { } replaced)
            {
                sitting.Remove(replaced);
            }

            sitting.UnionWith(replay.Replayed);
        }

        var experts = Members.Where(s => s.ExpertId is not null).Select(s => s.ExpertId!.Value).ToHashSet();
        return (replays.All(r => r.Matches) && sitting.SetEquals(experts), replays);
    }
}
