using System.Net;
using System.Net.Http.Json;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Expert_pool_api : IAsyncLifetime
{
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_evaluator_reads_their_own_record_and_an_unregistered_one_is_told_so()
    {
        var me = await _api.Evaluator(EvaluationHost.Evaluators[2]).GetAsync("/api/experts/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await EvaluationHost.JsonAsync(me)).GetProperty("id").GetGuid().Should().Be(EvaluationHost.DemoExpertIds[2]);

        var stranger = await _api.Evaluator("not-in-the-pool").GetAsync("/api/experts/me/conflicts");
        stranger.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await EvaluationHost.JsonAsync(stranger)).GetProperty("rule").GetString().Should().Be("expert_profile_missing");
    }

    [Fact]
    public async Task An_edit_against_an_old_version_is_refused()
    {
        var id = EvaluationHost.DemoExpertIds[0];
        object Body(int version, bool available) => new
        {
            name = "Expert 1", evaluatorUserId = EvaluationHost.Evaluators[0], serviceDomains = new[] { "Elderly" },
            employment = Array.Empty<object>(), available, version,
        };

        (await _api.Admin().PutAsJsonAsync($"/api/experts/{id}", Body(1, available: false))).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await _api.Admin().PutAsJsonAsync($"/api/experts/{id}", Body(1, available: true));
        stale.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var expert = await EvaluationHost.JsonAsync(await _api.Auditor().GetAsync($"/api/experts/{id}"));
        expert.GetProperty("available").GetBoolean().Should().BeFalse();
        expert.GetProperty("version").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Employment_that_ends_before_it_starts_and_a_conflict_without_a_target_are_refused()
    {
        var reversed = await _api.Admin().PostAsJsonAsync("/api/experts", new
        {
            name = "Qian Li", evaluatorUserId = "qian", serviceDomains = new[] { "Family" },
            employment = new[] { new { organisationId = Guid.NewGuid(), organisationName = "Chunhui", from = "2022-01-01", to = "2021-01-01" } },
            available = true,
        });
        reversed.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await EvaluationHost.JsonAsync(reversed)).GetProperty("rule").GetString().Should().Be("employment_span_reversed");

        var untargeted = await _api.Evaluator(EvaluationHost.Evaluators[0]).PostAsJsonAsync("/api/experts/me/conflicts", new { reason = "Something" });
        untargeted.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await EvaluationHost.JsonAsync(untargeted)).GetProperty("rule").GetString().Should().Be("conflict_target_required");
    }
}

public sealed class Demo_expert_seeding
{
    [Fact]
    public async Task Switched_off_the_pool_starts_empty()
    {
        await using var api = await EvaluationHost.StartAsync(new() { ["Evaluation:SeedDemoExperts"] = "false" });
        var pool = await EvaluationHost.JsonAsync(await api.Admin().GetAsync("/api/experts"));
        pool.GetArrayLength().Should().Be(0);
    }
}
