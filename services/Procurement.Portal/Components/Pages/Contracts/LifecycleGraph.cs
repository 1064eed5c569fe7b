using System.Globalization;
using System.Text.RegularExpressions;

namespace Procurement.Portal.Components.Pages.Contracts;

/// <summary>One transition of the lifecycle: from, to, its trigger and the guards it names.</summary>
public sealed record LifecycleTransition(string From, string To, string Trigger, IReadOnlyList<string> Guards)
{
    public bool Loops => From == To;
}

/// <summary>A state placed on the drawing: its column (steps from the start) and row.</summary>
public sealed record LifecycleNode(string State, int Column, int Row)
{
    public const int Width = 150;
    public const int Height = 40;
    public const int ColumnGap = 220;
    public const int RowGap = 110;

    public double X => 20 + Column * ColumnGap;

    public double Y => 30 + Row * RowGap;

    public double CentreX => X + Width / 2.0;

    public double CentreY => Y + Height / 2.0;
}

/// <summary>
/// The contract lifecycle read from the Mermaid state diagram <c>GET /api/contracts/lifecycle</c> answers (generated
/// from the machine itself), laid out in columns by the number of steps from the initial state.
/// </summary>
public sealed partial class LifecycleGraph
{
    private LifecycleGraph(string? initial, IReadOnlyList<string> states, IReadOnlyList<LifecycleTransition> transitions)
    {
        Initial = initial;
        Transitions = transitions;
        Nodes = Layout(initial, states, transitions);
    }

    public string? Initial { get; }

    public IReadOnlyList<LifecycleNode> Nodes { get; }

    public IReadOnlyList<LifecycleTransition> Transitions { get; }

    public double Width => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.X) + LifecycleNode.Width + 40;

    public double Height => Nodes.Count == 0 ? 0 : Nodes.Max(n => n.Y) + LifecycleNode.Height + 60;

    public LifecycleNode? Node(string state) => Nodes.FirstOrDefault(n => n.State == state);

    /// <summary>The transitions that leave a state for another (the arrows of the drawing), one per pair.</summary>
    public IEnumerable<IGrouping<(string From, string To), LifecycleTransition>> Arrows =>
        Transitions.Where(t => !t.Loops).GroupBy(t => (t.From, t.To));

    /// <summary>The triggers that keep a state (written under its box).</summary>
    public IReadOnlyList<string> LoopsOf(string state) => [.. Transitions.Where(t => t.Loops && t.From == state).Select(t => t.Trigger).Distinct()];

    public static LifecycleGraph Parse(string? mermaid)
    {
        string? initial = null;
        var states = new List<string>();
        var transitions = new List<LifecycleTransition>();
        void Note(string state)
        {
            if (!states.Contains(state))
            {
                states.Add(state);
            }
        }

        foreach (var raw in (mermaid ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (Start().Match(line) is { Success: true } start)
            {
                initial = start.Groups["to"].Value;
                Note(initial);
                continue;
            }

            if (Edge().Match(line) is not { Success: true } edge)
            {
                continue;
            }

            var from = edge.Groups["from"].Value;
            var to = edge.Groups["to"].Value;
            Note(from);
            Note(to);
            var guards = Guard().Matches(edge.Groups["guards"].Value).Select(m => m.Groups[1].Value.Trim()).ToList();
            transitions.Add(new LifecycleTransition(from, to, edge.Groups["trigger"].Value, guards));
        }

        return new LifecycleGraph(initial, states, transitions);
    }

    private static List<LifecycleNode> Layout(string? initial, IReadOnlyList<string> states, IReadOnlyList<LifecycleTransition> transitions)
    {
        // Breadth first from the initial state: a state's column is its fewest steps from the start.
        var column = new Dictionary<string, int>();
        var queue = new Queue<string>();
        if (initial is not null)
        {
            column[initial] = 0;
            queue.Enqueue(initial);
        }

        while (queue.TryDequeue(out var state))
        {
            foreach (var next in transitions.Where(t => t.From == state && !t.Loops).Select(t => t.To))
            {
                if (column.TryAdd(next, column[state] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        // The states the contract never leaves (ends) share the last column, so the arrows run left to right.
        bool Final(string state) => state != initial && !transitions.Any(t => t.From == state && !t.Loops);
        var last = column.Where(c => !Final(c.Key)).Select(c => c.Value).DefaultIfEmpty(-1).Max() + 1;
        var rows = new Dictionary<int, int>();
        var nodes = new List<LifecycleNode>();
        foreach (var state in states)
        {
            var c = !Final(state) && column.TryGetValue(state, out var found) ? found : last;
            rows[c] = rows.TryGetValue(c, out var r) ? r + 1 : 0;
            nodes.Add(new LifecycleNode(state, c, rows[c]));
        }

        return nodes;
    }

    /// <summary>A number for an SVG attribute, whatever the culture.</summary>
    public static string Svg(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\[\*\]\s*-->\s*(?<to>\w+)")]
    private static partial Regex Start();

    [GeneratedRegex(@"^(?<from>\w+)\s*-->\s*(?<to>\w+)\s*:\s*(?<trigger>\w+)(?<guards>.*)$")]
    private static partial Regex Edge();

    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Guard();
}
