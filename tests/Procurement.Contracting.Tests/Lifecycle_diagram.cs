using Procurement.Contracting.Domain;
using Xunit.Abstractions;

namespace Procurement.Contracting.Tests;

/// <summary>
/// docs/contract-lifecycle.md carries the state diagram generated from the machine. When the machine changes, this
/// test fails until the diagram is regenerated: run it with <c>UPDATE_CONTRACT_DIAGRAM=1</c> and commit the file.
/// </summary>
public sealed class Lifecycle_diagram(ITestOutputHelper output)
{
    public const string UpdateVariable = "UPDATE_CONTRACT_DIAGRAM";
    private const string Open = "```mermaid\n";
    private const string Close = "```";

    [Fact]
    public void The_committed_diagram_is_the_one_the_machine_produces()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "contract-lifecycle.md");
        var generated = Normalise(Contract.LifecycleDiagram()).TrimEnd('\n') + "\n";
        var document = File.Exists(path) ? Normalise(File.ReadAllText(path)) : "";
        var start = document.IndexOf(Open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : document.IndexOf(Close, start + Open.Length, StringComparison.Ordinal);
        var committed = start < 0 || end < 0 ? null : document[(start + Open.Length)..end];

        if (committed != generated && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, start < 0 || end < 0
                ? Preamble + Open + generated + Close + "\n"
                : document[..(start + Open.Length)] + generated + document[end..]);
            output.WriteLine($"Rewrote {path}.");
            return;
        }

        committed.Should().Be(generated,
            $"docs/contract-lifecycle.md must show the machine as it is; regenerate it with " +
            $"`{UpdateVariable}=1 dotnet test tests/Procurement.Contracting.Tests --filter Lifecycle_diagram` and commit the file");
    }

    [Fact]
    public void The_diagram_shows_every_state_and_the_guards()
    {
        var diagram = Contract.LifecycleDiagram();

        foreach (var state in Enum.GetNames<ContractState>())
        {
            diagram.Should().Contain(state);
        }

        diagram.Should().Contain("both parties have signed").And.Contain("the start date has come").And.Contain("a passing final performance evaluation");
        Contract.LifecycleDot().Should().StartWith("digraph");
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Procurement.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Procurement.sln) is not above the test output folder.");
    }

    private const string Preamble = """
        # Contract lifecycle

        Generated from the Stateless machine in `services/Procurement.Contracting/Domain/Contract.Lifecycle.cs`
        (`Contract.LifecycleDiagram()`); do not edit the diagram by hand.

        """;
}
