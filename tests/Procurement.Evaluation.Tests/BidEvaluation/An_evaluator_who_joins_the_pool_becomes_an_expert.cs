using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Identity;
using Procurement.Evaluation.BidEvaluation.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>Identity's <see cref="ExpertJoinedPool"/>: the joined evaluator becomes an available expert that panels can draw.</summary>
public sealed class An_evaluator_who_joins_the_pool_becomes_an_expert : IAsyncLifetime
{
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task The_expert_has_the_user_id_name_and_domains_no_employment_and_is_available_and_eligible_for_a_draw()
    {
        var user = Guid.NewGuid();
        await _api.PublishAsync<ExpertJoinedPoolConsumer, ExpertJoinedPool>(
            new ExpertJoinedPool(user, Guid.NewGuid(), "钱七 Qian Qi", ["Family", "Disability"], EvaluationHost.Now));

        var read = await _api.Auditor().GetAsync($"/api/experts/{user}");
        read.StatusCode.Should().Be(HttpStatusCode.OK);
        var expert = await EvaluationHost.JsonAsync(read);
        expert.GetProperty("name").GetString().Should().Be("钱七 Qian Qi");
        expert.GetProperty("evaluatorUserId").GetString().Should().Be(user.ToString());
        expert.GetProperty("serviceDomains").EnumerateArray().Select(d => d.GetString()).Should().Equal("Family", "Disability");
        expert.GetProperty("employment").GetArrayLength().Should().Be(0);
        expert.GetProperty("available").GetBoolean().Should().BeTrue();

        var pool = await InDbAsync(db => db.Experts().AsNoTracking().ToListAsync());
        PanelCandidates.Eligible(pool, [], "Disability", Guid.NewGuid(), new HashSet<Guid>(), DateOnly.FromDateTime(EvaluationHost.Now.UtcDateTime), EvaluationRules.Default)
            .Select(e => e.Id).Should().Contain(user);
        var me = await _api.Evaluator(user.ToString()).GetAsync("/api/experts/me");
        (await EvaluationHost.JsonAsync(me)).GetProperty("id").GetGuid().Should().Be(user, "the evaluator signs in as the expert");
    }

    [Fact]
    public async Task An_evaluator_already_in_the_pool_is_left_as_the_administrator_kept_them_and_a_second_event_adds_nobody()
    {
        var user = Guid.NewGuid();
        var byHand = await _api.Admin().PostAsJsonAsync("/api/experts", new
        {
            name = "Sun Ba", evaluatorUserId = user.ToString(), serviceDomains = new[] { "Medical" }, employment = Array.Empty<object>(), available = false,
        });
        byHand.StatusCode.Should().Be(HttpStatusCode.Created);
        var countBefore = await InDbAsync(db => db.Experts().CountAsync());

        await _api.PublishAsync<ExpertJoinedPoolConsumer, ExpertJoinedPool>(new ExpertJoinedPool(user, Guid.NewGuid(), "孙八", ["Elderly"], EvaluationHost.Now));
        await _api.PublishAsync<ExpertJoinedPoolConsumer, ExpertJoinedPool>(new ExpertJoinedPool(user, Guid.NewGuid(), "孙八", ["Elderly"], EvaluationHost.Now));

        (await InDbAsync(db => db.Experts().CountAsync())).Should().Be(countBefore);
        var kept = await InDbAsync(db => db.Experts().AsNoTracking().SingleAsync(e => e.EvaluatorUserId == user.ToString()));
        kept.Name.Should().Be("Sun Ba");
        kept.ServiceDomains.Should().Equal("Medical");
        kept.Available.Should().BeFalse();
    }

    [Fact]
    public async Task The_same_event_twice_adds_one_expert_and_an_unknown_domain_is_left_out()
    {
        var user = Guid.NewGuid();
        var joined = new ExpertJoinedPool(user, Guid.NewGuid(), "Zhou Jiu", ["Elderly", "Astrology"], EvaluationHost.Now);
        await _api.PublishAsync<ExpertJoinedPoolConsumer, ExpertJoinedPool>(joined);
        await _api.PublishAsync<ExpertJoinedPoolConsumer, ExpertJoinedPool>(joined);

        var experts = await InDbAsync(db => db.Experts().AsNoTracking().Where(e => e.EvaluatorUserId == user.ToString()).ToListAsync());
        experts.Should().ContainSingle().Which.ServiceDomains.Should().Equal("Elderly");
    }

    private async Task<T> InDbAsync<T>(Func<EvaluationDb, Task<T>> read)
    {
        await using var scope = _api.Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EvaluationDb>());
    }
}
