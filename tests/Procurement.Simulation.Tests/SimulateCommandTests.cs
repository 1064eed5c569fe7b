using System.Text.Json;
using Procurement.Simulation;

namespace Procurement.Simulation.Tests;

/// <summary>The command line: the JSON object of the issue, the table, and refusals that name the argument and exit non-zero.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public void The_json_output_is_one_object_with_exactly_the_issue_s_keys()
    {
        var (code, output, error) = Run("--programs", "5", "--years", "2", "--seed", "7", "--json");

        code.Should().Be(0);
        error.Should().BeEmpty();
        output.Trim().Split('\n').Should().ContainSingle("one JSON object, on one line");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("baseline", "platform", "elapsedSeconds");
        foreach (var policy in new[] { "baseline", "platform" })
        {
            var figures = root.GetProperty(policy);
            figures.EnumerateObject().Select(p => p.Name).Should().Equal("gapDaysPerProgramYear", "programsEverUnfunded", "lateInstalments");
            figures.GetProperty("gapDaysPerProgramYear").GetDecimal().Should().BeGreaterThanOrEqualTo(0);
            figures.GetProperty("programsEverUnfunded").GetInt32().Should().BeInRange(0, 5);
            figures.GetProperty("lateInstalments").GetInt32().Should().BeGreaterThanOrEqualTo(0);
        }

        root.GetProperty("elapsedSeconds").GetDouble().Should().BePositive();
    }

    [Fact]
    public void Without_json_it_prints_a_table_of_both_policies()
    {
        var (code, output, _) = Run("--programs", "5", "--years", "2", "--seed", "7");

        code.Should().Be(0);
        output.Should().Contain("baseline").And.Contain("platform").And.Contain("gap days per program-year")
            .And.Contain("programs ever unfunded").And.Contain("late instalments").And.Contain("lognormal:median=7,sigma=0.8");
    }

    [Theory]
    [InlineData("--programs", "0", "--programs", "from 1 to 100000")]
    [InlineData("--programs", "many", "--programs", "whole number")]
    [InlineData("--years", "-1", "--years", "from 1 to 50")]
    [InlineData("--seed", "1.5", "--seed", "whole number")]
    [InlineData("--cap-percentile", "100", "--cap-percentile", "less than 100")]
    [InlineData("--delay", "beta:a=1", "--delay", "unknown distribution 'beta'")]
    [InlineData("--delay", "lognormal:median=10", "--delay", "sigma= is missing")]
    [InlineData("--delay", "lognormal:median=10,sigma=0.8,mu=2", "--delay", "unknown parameter mu")]
    [InlineData("--delay", "gamma:shape=0,scale=3", "--delay", "shape must be greater than 0")]
    [InlineData("--payment-delay", "fixed:days=2.5", "--payment-delay", "whole number of days")]
    [InlineData("--payment-delay", "exponential:mean=ten", "--payment-delay", "mean must be a number")]
    public void A_bad_argument_is_refused_with_a_message_naming_it_and_a_non_zero_exit(string name, string value, string named, string problem)
    {
        var (code, output, error) = Run(name, value);

        code.Should().NotBe(0);
        output.Should().BeEmpty();
        error.Should().StartWith($"simulate: {named}: ").And.Contain(problem);
    }

    [Theory]
    [InlineData("--programs")]
    [InlineData("--frobnicate")]
    public void A_missing_value_or_an_unknown_argument_is_refused(string argument)
    {
        var (code, _, error) = Run(argument);

        code.Should().Be(2);
        error.Should().StartWith($"simulate: {argument}: ");
    }

    [Fact]
    public void An_argument_given_twice_is_refused()
    {
        var (code, _, error) = Run("--seed", "1", "--seed", "2");

        code.Should().Be(2);
        error.Should().StartWith("simulate: --seed: is given twice");
    }

    [Fact]
    public void The_verb_is_recognised_only_as_the_first_argument()
    {
        SimulateCommand.Matches(["simulate", "--json"]).Should().BeTrue();
        SimulateCommand.Matches(["--urls", "http://127.0.0.1:6000"]).Should().BeFalse();
        SimulateCommand.Matches([]).Should().BeFalse();
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SimulateCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
