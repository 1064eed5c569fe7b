using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Panel_draws
{
    private const string Seed = "5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed5eed";
    private static readonly Dictionary<Guid, string> Pool = Enumerable.Range(1, 9)
        .ToDictionary(n => new Guid($"00000000-0000-4000-8000-00000000000{n}"), n => $"evaluator{n}");

    private static Panel Draw(int size = 5, string seed = Seed, IReadOnlyList<string>? representatives = null, IReadOnlyDictionary<Guid, string>? pool = null) =>
        Panel.Draw(Guid.NewGuid(), size, representatives ?? ["purchaser"], pool ?? Pool, seed, "purchaser", EvaluationData.Now, EvaluationRules.Default, 5, true);

    [Fact]
    public void The_draw_is_a_function_of_seed_and_candidates_alone()
    {
        var candidates = PanelLottery.Sorted(Pool.Keys);
        PanelLottery.Select(Seed, candidates, 4).Should().Equal(PanelLottery.Select(Seed, candidates, 4));
        // The order candidates are listed in does not matter: tickets decide.
        PanelLottery.Select(Seed, [.. candidates.Reverse()], 4).Should().Equal(PanelLottery.Select(Seed, candidates, 4));
    }

    [Fact]
    public void The_lowest_tickets_win()
    {
        var candidates = PanelLottery.Sorted(Pool.Keys);
        var byTicket = candidates.OrderBy(c => PanelLottery.Ticket(Seed, c), StringComparer.Ordinal).Take(3);
        PanelLottery.Select(Seed, candidates, 3).Should().Equal(byTicket);
        PanelLottery.Ticket(Seed, candidates[0]).Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Different_seeds_draw_differently_at_least_sometimes()
    {
        var candidates = PanelLottery.Sorted(Pool.Keys);
        var panels = Enumerable.Range(0, 20).Select(_ => string.Join(",", PanelLottery.Select(PanelLottery.NewSeed(), candidates, 4))).Distinct();
        panels.Should().HaveCountGreaterThan(1);
    }

    [Fact]
    public void A_panel_has_expert_seats_from_the_draw_and_the_named_representatives()
    {
        var panel = Draw();
        panel.Size.Should().Be(5);
        panel.ExpertSeats.Should().Be(4);
        panel.Members.Should().HaveCount(5);
        panel.Members.Where(s => s.Kind == SeatKind.Expert).Select(s => s.ExpertId!.Value).Should().Equal(panel.Draws[0].Selected);
        panel.Members.Single(s => s.Kind == SeatKind.PurchaserRepresentative).UserId.Should().Be("purchaser");
        panel.Draws[0].Candidates.Should().Equal(PanelLottery.Sorted(Pool.Keys), "the record keeps the sorted candidate list");
        panel.Draws[0].Seed.Should().Be(Seed);
    }

    [Fact]
    public void Too_few_candidates_refuse_the_draw_and_just_enough_draw_them_all()
    {
        var four = Pool.Take(4).ToDictionary();
        Draw(pool: four).Members.Count(s => s.Kind == SeatKind.Expert).Should().Be(4);

        var three = Pool.Take(3).ToDictionary();
        var refused = () => Draw(pool: three);
        refused.Should().Throw<RuleViolationException>().Which.Code.Should().Be(EvaluationCodes.PanelNotEnoughCandidates);
    }

    [Fact]
    public void A_replay_of_the_record_matches()
    {
        var (matches, draws) = Draw().Replay();
        matches.Should().BeTrue();
        draws.Should().ContainSingle().Which.Matches.Should().BeTrue();
    }

    [Fact]
    public void A_conflict_after_the_draw_replaces_the_member_by_a_new_recorded_draw_from_those_never_drawn()
    {
        var panel = Draw();
        var leaving = panel.Draws[0].Selected[1];
        var stillEligible = Pool.Where(p => p.Key != leaving).ToDictionary();

        var newcomer = panel.Replace(leaving, "Conflict declared", stillEligible, "ab" + Seed[2..], EvaluationData.Now.AddDays(1));

        panel.Draws[0].Selected.Should().NotContain(newcomer, "nobody is drawn twice");
        panel.HasExpert(leaving).Should().BeFalse();
        panel.HasExpert(newcomer).Should().BeTrue();
        panel.Members.Should().HaveCount(5);
        panel.Members.Single(s => s.ExpertId == newcomer).Number.Should().Be(2, "the newcomer takes the seat");
        panel.Draws.Should().HaveCount(2);
        panel.Draws[1].Candidates.Should().HaveCount(5, "9 candidates less the 4 drawn first");
        panel.Draws[1].Replaces.Should().Be(leaving);
        panel.Replay().Matches.Should().BeTrue();
    }

    [Fact]
    public void A_tampered_record_does_not_replay()
    {
        var panel = Draw();
        var notChosen = PanelLottery.Sorted(Pool.Keys).Except(panel.Draws[0].Selected).Take(4).ToList();
        // Someone rewrites who was drawn, keeping the seed: the replay tells.
        typeof(Panel).GetProperty(nameof(Panel.Draws))!.SetValue(panel, new List<DrawRecord> { panel.Draws[0] with { Selected = notChosen } });

        var (matches, draws) = panel.Replay();
        matches.Should().BeFalse();
        draws.Single().Replayed.Should().NotEqual(notChosen);
    }

    [Fact]
    public void Without_anyone_left_to_draw_the_replacement_is_refused()
    {
        var four = Pool.Take(4).ToDictionary();
        var panel = Draw(pool: four);
        var replace = () => panel.Replace(panel.Draws[0].Selected[0], "Conflict", four, Seed, EvaluationData.Now);
        replace.Should().Throw<ConflictException>().Which.Code.Should().Be(EvaluationCodes.NoReplacementCandidate);
    }
}
