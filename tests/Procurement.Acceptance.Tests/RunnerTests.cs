using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Xunit;

namespace Procurement.Acceptance.Tests;

/// <summary>Unit tests of the Gherkin runner itself, on features written inline.</summary>
public sealed class RunnerTests
{
    private static Task Run(string feature, params Type[] stepTypes) => Run(feature, [], stepTypes);

    private static async Task Run(string feature, object[] services, params Type[] stepTypes)
    {
        var bindings = StepBindings.FromTypes(stepTypes);
        foreach (var scenario in FeatureCatalog.Parse(feature, "inline.feature"))
        {
            await ScenarioRunner.RunAsync(scenario, bindings, services);
        }
    }

    [Fact]
    public async Task Unbound_step_fails_with_a_suggested_binding()
    {
        const string feature = """
            Feature: F
              Scenario: S
                Given a tender with 3 lots named "Roads"
            """;

        var act = () => Run(feature, typeof(RecordingSteps));

        var error = (await act.Should().ThrowAsync<ScenarioFailedException>()).Which;
        error.Message.Should().Contain("inline.feature:3: Given a tender with 3 lots named \"Roads\"")
            .And.Contain("No binding for this step")
            .And.Contain("[Given(@\"a tender with (-?\\d+) lots named \"\"([^\"\"]*)\"\"\")]")
            .And.Contain("public void ATenderWithLotsNamed(int p0, string p1)");
    }

    [Fact]
    public async Task Suggestion_includes_the_table_parameter()
    {
        const string feature = """
            Feature: F
              Scenario: S
                When these bids arrive:
                  | bidder |
                  | Acme   |
            """;

        var act = () => Run(feature, typeof(RecordingSteps));

        (await act.Should().ThrowAsync<ScenarioFailedException>()).Which.Message
            .Should().Contain("[When(@\"these bids arrive:\")]").And.Contain("public void TheseBidsArrive(StepTable table)");
    }

    [Fact]
    public async Task Ambiguous_step_fails_naming_every_match()
    {
        const string feature = """
            Feature: F
              Scenario: S
                Given a twin step
            """;

        var act = () => Run(feature, typeof(TwinA), typeof(TwinB));

        (await act.Should().ThrowAsync<ScenarioFailedException>()).Which.Message
            .Should().Contain("inline.feature:3").And.Contain("Ambiguous")
            .And.Contain("TwinA.Step").And.Contain("TwinB.Step");
    }

    [Fact]
    public void Wip_scenarios_are_skipped_including_through_feature_and_example_tags()
    {
        const string feature = """
            @wip
            Feature: All work in progress
              Scenario: A
                Given anything
            """;
        const string mixed = """
            Feature: Mixed
              Scenario: Ready
                Given anything
              @wip
              Scenario: Not ready
                Given anything
              Scenario Outline: Partly ready <n>
                Given anything
                Examples:
                  | n |
                  | 1 |
                @wip
                Examples:
                  | n |
                  | 2 |
            """;

        FeatureCatalog.Parse(feature, "a.feature").Should().OnlyContain(s => s.IsWip);
        var scenarios = FeatureCatalog.Parse(mixed, "b.feature");
        scenarios.Select(s => (s.Name, s.IsWip)).Should().Equal(
            ("Ready", false), ("Not ready", true), ("Partly ready 1 (1)", false), ("Partly ready 2 (2)", true));
        new ScenarioRow("b.feature", 1, "Mixed", "Not ready", scenarios[1].Tags).SkipReason.Should().StartWith("@wip");
        new ScenarioRow("b.feature", 0, "Mixed", "Ready", scenarios[0].Tags).SkipReason.Should().BeNull();
    }

    [Fact]
    public void Outline_expands_one_scenario_per_example_row_with_placeholders_substituted()
    {
        const string feature = """"
            Feature: Outlines
              Background:
                Given a clean slate
              Scenario Outline: Award <lot> to <bidder>
                When <bidder> bids <amount> on <lot>
                  | field  | value    |
                  | bidder | <bidder> |
                Then the note says:
                  """
                  <bidder> won <lot>
                  """
                Examples: first
                  | lot | bidder | amount |
                  | L1  | Acme   | 100    |
                  | L2  | Bolt   | 250.5  |
                Examples: second
                  | lot | bidder | amount |
                  | L3  | Core   | 7      |
            """";

        var scenarios = FeatureCatalog.Parse(feature, "o.feature");

        scenarios.Should().HaveCount(3);
        scenarios.Select(s => s.Name).Should().Equal("Award L1 to Acme (L1, Acme, 100)", "Award L2 to Bolt (L2, Bolt, 250.5)", "Award L3 to Core (L3, Core, 7)");
        var second = scenarios[1];
        second.Steps.Select(s => s.ToString()).Should().Equal("Given a clean slate", "When Bolt bids 250.5 on L2", "Then the note says:");
        second.Steps[1].Table!.ToKeyValues()["bidder"].Should().Be("Bolt");
        second.Steps[2].DocString!.Content.Should().Be("Bolt won L2");
        second.Steps[2].Kind.Should().Be(StepKind.Then);
        second.Line.Should().Be(15, "the line of the example row identifies the case");
    }

    [Fact]
    public async Task Arguments_are_converted_and_And_continues_the_previous_keyword()
    {
        const string feature = """
            Feature: F
              Scenario: S
                Given the deadline is 2025-06-30 and the budget 1234.50
                And the award is due at 2025-07-01T12:00:00+02:00 for 3 lots
                When nothing happens
                Then the log has 4 entries
                And the log has 4 entries
            """;
        var log = new List<object>();

        await Run(feature, [log], typeof(RecordingSteps));

        log.Should().Equal(new DateOnly(2025, 6, 30), 1234.50m, new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.FromHours(2)), 3, "cleaned up");
    }

    [Fact]
    public async Task And_after_Then_does_not_match_a_When_binding()
    {
        const string feature = """
            Feature: F
              Scenario: S
                Then the log has 0 entries
                And nothing happens
            """;

        var act = () => Run(feature, [new List<object>()], typeof(RecordingSteps));

        (await act.Should().ThrowAsync<ScenarioFailedException>()).Which.Message.Should().Contain("[Then(@\"nothing happens\")]");
    }

    [Fact]
    public async Task A_failing_step_reports_file_line_and_step_skips_the_rest_and_still_cleans_up()
    {
        const string feature = """
            Feature: F
              Scenario: S
                Given the deadline is 2025-06-30 and the budget 1.00
                Then the log has 5 entries
                Then the log has 1 entries
            """;
        var log = new List<object>();

        var act = () => Run(feature, [log], typeof(RecordingSteps));

        var error = (await act.Should().ThrowAsync<ScenarioFailedException>()).Which;
        error.Message.Should().Be("Step failed at inline.feature:4: Then the log has 5 entries");
        error.InnerException!.Message.Should().Contain("5");
        log.Should().EndWith("cleaned up", "ScenarioContext disposables run even when a step fails");
    }

    public sealed class RecordingSteps(ScenarioContext context, List<object> log)
    {
        [Given(@"the deadline is (\S+) and the budget ([\d.]+)")]
        public void Deadline(DateOnly deadline, decimal budget)
        {
            log.Add(deadline);
            log.Add(budget);
            context.OnCleanup(() =>
            {
                log.Add("cleaned up");
                return ValueTask.CompletedTask;
            });
        }

        [Given(@"the award is due at (\S+) for (\d+) lots")]
        public async Task Award(DateTimeOffset due, int lots)
        {
            await Task.Delay(1);
            log.Add(due);
            log.Add(lots);
        }

        [When("nothing happens")]
        public static void Nothing()
        {
        }

        [Then(@"the log has (\d+) entries")]
        public void LogHas(int count) => log.Should().HaveCount(count);
    }

    public sealed class TwinA
    {
        [Given("a twin step")]
        public void Step()
        {
        }
    }

    public sealed class TwinB
    {
        [Given("a (twin|double) step")]
        public void Step(string kind) => kind.Should().NotBeEmpty();
    }
}
