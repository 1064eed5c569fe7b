using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Evaluation.Awards.Messaging;
using Procurement.Evaluation.Performance.Messaging;
using Procurement.Evaluation.Tests.Awards;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Evaluation.Tests.Performance;

public sealed class Performance_api : IAsyncLifetime
{
    private readonly Guid _contractId = Guid.NewGuid();
    private AwardHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AwardHost.StartAsync();
        await _host.PublishAsync<ContractActivatedForPerformanceConsumer, ContractActivated>(AwardHost.Contract(_contractId));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Path => $"/api/evaluations/contracts/{_contractId}/performance";

    private HttpClient Purchaser(string? language = null) => _host.Client(Roles.Purchaser, AwardHost.PurchasingUnit, language);

    private HttpClient Evaluator(Guid? organisation = null) => _host.Client(Roles.Evaluator, organisation ?? AwardHost.Evaluator);

    private async Task AssignAsync(string stage, Guid? organisation = null)
    {
        var response = await Purchaser().PutAsJsonAsync($"{Path}/evaluators/{stage}", new { evaluatorOrganisationId = organisation ?? AwardHost.Evaluator });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private Task<HttpResponseMessage> SubmitAsync(string stage, decimal hours, decimal people, Guid? organisation = null) =>
        Evaluator(organisation).PostAsJsonAsync($"{Path}/evaluations", new
        {
            stage,
            scores = new[]
            {
                new { indicator = "Service hours", score = hours, comment = "Logged hours checked against the case files" },
                new { indicator = "People served", score = people, comment = "Sample of 30 elders visited" },
            },
        });

    [Fact]
    public async Task An_activated_contract_gets_its_indicator_system_from_its_kpis_with_weights_summing_to_100()
    {
        var response = await Purchaser().GetAsync(Path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var performance = await AwardHost.JsonAsync(response);
        var indicators = performance.GetProperty("indicators").EnumerateArray().ToList();
        indicators.Select(i => i.GetProperty("name").GetString()).Should().Equal("Service hours", "People served");
        indicators.Select(i => i.GetProperty("weight").GetDecimal()).Should().Equal(50m, 50m);
        performance.GetProperty("weightsLocked").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_parties_and_auditors_read_the_evaluation_and_other_agencies_do_not()
    {
        (await _host.Client(Roles.Agency, AwardHost.Agency1).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.Client(Roles.Auditor, AwardHost.Auditor).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _host.Client(Roles.Agency, AwardHost.Agency2).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _host.Client(Roles.Purchaser, Guid.NewGuid()).GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Evaluator().GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.NotFound, "an evaluator not yet assigned");
        await AssignAsync("MidTerm");
        (await Evaluator().GetAsync(Path)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_purchaser_changes_the_weights_only_to_a_sum_of_exactly_100()
    {
        var refused = await Purchaser("zh-CN").PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "Service hours", weight = 60m }, new { name = "People served", weight = 39.99m } },
        });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await AwardHost.JsonAsync(refused);
        problem.GetProperty("rule").GetString().Should().Be("indicator_weights_sum");
        problem.GetProperty("detail").GetString().Should().Contain("99.99").And.Contain("100");

        var accepted = await Purchaser().PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "People served", weight = 40m }, new { name = "Service hours", weight = 60m } },
        });
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await AwardHost.JsonAsync(accepted)).GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("weight").GetDecimal()).Should().Equal(60m, 40m);

        (await _host.Client(Roles.Purchaser, Guid.NewGuid()).PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "People served", weight = 50m }, new { name = "Service hours", weight = 50m } },
        })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_assigned_evaluator_scores_and_the_grade_is_published()
    {
        await Purchaser().PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "Service hours", weight = 60m }, new { name = "People served", weight = 40m } },
        });
        await AssignAsync("MidTerm");

        // 92 × 60 % + 85 × 40 % = 55.20 + 34.00 = 89.20: Good, a little short of Excellent.
        var response = await SubmitAsync("MidTerm", 92m, 85m);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var evaluation = await AwardHost.JsonAsync(response);
        evaluation.GetProperty("score").GetRawText().Should().Be("89.20");
        evaluation.GetProperty("grade").GetString().Should().Be("Good");
        evaluation.GetProperty("passed").GetBoolean().Should().BeTrue();

        (await _host.PublishedAsync<PerformanceEvaluated>(e =>
            e.ContractId == _contractId && e.Stage == "MidTerm" && e.Score == 89.20m && e.Grade == "Good" && e.Passed
            && e.AgencyId == AwardHost.Agency1)).Should().BeTrue();

        var locked = await Purchaser().PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "Service hours", weight = 50m }, new { name = "People served", weight = 50m } },
        });
        locked.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await AwardHost.JsonAsync(locked)).GetProperty("rule").GetString().Should().Be("indicator_weights_locked");
        (await SubmitAsync("MidTerm", 50m, 50m)).StatusCode.Should().Be(HttpStatusCode.Conflict, "a stage is evaluated once");
    }

    [Fact]
    public async Task Only_the_evaluator_assigned_to_the_stage_submits_it()
    {
        await AssignAsync("MidTerm");
        (await SubmitAsync("MidTerm", 90m, 90m, Guid.NewGuid())).StatusCode.Should().Be(HttpStatusCode.NotFound, "an evaluator not on this contract");
        var wrongStage = await SubmitAsync("Final", 90m, 90m);
        wrongStage.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await AwardHost.JsonAsync(wrongStage)).GetProperty("rule").GetString().Should().Be("performance_evaluator_not_assigned");
        (await _host.Client(Roles.Agency, AwardHost.Agency1).PostAsJsonAsync($"{Path}/evaluations", new { stage = "MidTerm" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "an agency never scores its own contract");
    }

    [Fact]
    public async Task A_score_above_100_is_refused_naming_the_indicator()
    {
        await AssignAsync("MidTerm");
        var response = await SubmitAsync("MidTerm", 100.01m, 90m);
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await AwardHost.JsonAsync(response);
        problem.GetProperty("rule").GetString().Should().Be("performance_score_out_of_range");
        problem.GetProperty("field").GetString().Should().Be("scores[0].score");
        problem.GetProperty("detail").GetString().Should().Contain("Service hours");
        (await SubmitAsync("Midway", 90m, 90m)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_ended_contract_takes_no_more_evaluations()
    {
        await AssignAsync("Final");
        await _host.PublishAsync<ContractEndedForPerformanceConsumer, ContractEnded>(
            new ContractEnded(_contractId, Guid.NewGuid(), AwardHost.Agency1, null, "Terminated", "Agency dissolved", 100_000m, AwardHost.Now));

        var response = await SubmitAsync("Final", 90m, 90m);
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await AwardHost.JsonAsync(response)).GetProperty("rule").GetString().Should().Be("performance_contract_ended");
    }

    [Fact]
    public async Task An_agencys_grades_are_read_by_purchasers_evaluators_auditors_and_the_agency_itself()
    {
        await AssignAsync("MidTerm");
        (await SubmitAsync("MidTerm", 59.99m, 59.99m)).StatusCode.Should().Be(HttpStatusCode.Created);
        var path = $"/api/evaluations/agencies/{AwardHost.Agency1}/grades";

        foreach (var reader in new[]
                 {
                     _host.Client(Roles.Purchaser, Guid.NewGuid()), _host.Client(Roles.Evaluator, Guid.NewGuid()),
                     _host.Client(Roles.Auditor, AwardHost.Auditor), _host.Client(Roles.Agency, AwardHost.Agency1),
                 })
        {
            var response = await reader.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var grade = (await AwardHost.JsonAsync(response)).EnumerateArray().Should().ContainSingle().Subject;
            grade.GetProperty("grade").GetString().Should().Be("Fail");
            grade.GetProperty("passed").GetBoolean().Should().BeFalse();
            grade.GetProperty("score").GetDecimal().Should().Be(59.99m);
            grade.GetProperty("contractId").GetGuid().Should().Be(_contractId);
        }

        (await _host.Client(Roles.Agency, AwardHost.Agency2).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _host.Client(Roles.Treasury, Guid.NewGuid()).GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var own = await AwardHost.JsonAsync(await _host.Client(Roles.Agency, AwardHost.Agency2).GetAsync($"/api/evaluations/agencies/{AwardHost.Agency2}/grades"));
        own.ValueKind.Should().Be(JsonValueKind.Array);
        own.EnumerateArray().Should().BeEmpty();
    }

    [Fact]
    public async Task A_redelivered_activation_keeps_the_weights_the_purchaser_set()
    {
        await Purchaser().PutAsJsonAsync($"{Path}/indicators", new
        {
            indicators = new[] { new { name = "Service hours", weight = 70m }, new { name = "People served", weight = 30m } },
        });
        await _host.PublishAsync<ContractActivatedForPerformanceConsumer, ContractActivated>(AwardHost.Contract(_contractId));

        var performance = await AwardHost.JsonAsync(await Purchaser().GetAsync(Path));
        performance.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("weight").GetDecimal()).Should().Equal(70m, 30m);
    }
}
