using System.Globalization;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>The thing under test in the runner's self-test.</summary>
public sealed class Calculator
{
    private readonly List<decimal> _entered = [];
    private readonly List<string> _tape = [];

    public DateTimeOffset Clock { get; set; }
    public decimal Result { get; private set; }
    public string Display => Result.ToString(CultureInfo.InvariantCulture);
    public string Tape => string.Join("\n", _tape);

    public void Enter(decimal number)
    {
        _entered.Add(number);
        _tape.Add(number.ToString(CultureInfo.InvariantCulture));
    }

    public void Press(string operation)
    {
        Result = operation switch
        {
            "add" => _entered.Sum(),
            "multiply" => _entered.Aggregate(1m, (a, b) => a * b),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown key"),
        };
        _tape.Add($"{(operation == "add" ? "+" : "*")} = {Display}");
        _entered.Clear();
    }
}

/// <summary>Shared by all calculator scenarios of one test class (an xunit class fixture), handed to steps as a service.</summary>
public sealed class CalculatorFixture
{
    private int _switchedOn;
    public int SwitchedOnCount => _switchedOn;
    public void SwitchedOn() => Interlocked.Increment(ref _switchedOn);
}

[Binding]
public sealed class CalculatorSteps(ScenarioContext context, CalculatorFixture fixture)
{
    // Keep the calculator in the context so other step classes (DisplaySteps) see the same one.
    private Calculator Calculator => context.Get<Calculator>();

    [Given("a calculator that is switched on")]
    public void SwitchOn()
    {
        context.Set(new Calculator());
        fixture.SwitchedOn();
    }

    [Given(@"its clock reads (\S+)")]
    public void ClockReads(DateTimeOffset now) => Calculator.Clock = now;

    [Given(@"I have entered (-?\d+(?:\.\d+)?)")]
    public void Enter(decimal number) => Calculator.Enter(number);

    [Given("I have entered these numbers:")]
    public void EnterTable(StepTable table)
    {
        foreach (var row in table.DataRows)
        {
            Calculator.Enter(decimal.Parse(row["number"], CultureInfo.InvariantCulture));
        }
    }

    [When("I press (add|multiply)")]
    public async Task Press(string operation)
    {
        await Task.Yield(); // async steps are awaited
        Calculator.Press(operation);
    }

    [Then(@"the result is (-?\d+(?:\.\d+)?)")]
    public void ResultIs(decimal expected) => Calculator.Result.Should().Be(expected);

    [Then(@"the tape printed on (\d{4}-\d\d-\d\d) reads:")]
    public void TapeReads(DateOnly day, string expected)
    {
        DateOnly.FromDateTime(Calculator.Clock.Date).Should().Be(day);
        Calculator.Tape.Should().Be(expected);
    }
}

[Binding]
public sealed class DisplaySteps(ScenarioContext context)
{
    [Then("the display shows \"(.*)\"")]
    public void Shows(string text) => context.Get<Calculator>().Display.Should().Be(text);

    [Then("the display does not show \"(.*)\"")]
    public void DoesNotShow(string text) => context.Get<Calculator>().Display.Should().NotBe(text);
}
