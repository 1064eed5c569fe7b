using System.Globalization;

namespace Procurement.Benchmarks;

/// <summary>The command line of the rush and event modes (the portal mode parses its own).</summary>
/// <param name="Warmup">Untimed bids on another tender before the timed phase; the first <paramref name="Cold"/> of them are timed as the cold figure.</param>
/// <param name="Ceiling">Whether the minimal durable-write ceiling runs after the rush (<c>--ceiling none</c> skips it).</param>
/// <param name="Events">Event mode: how many tenders are published one at a time on the idle platform.</param>
/// <param name="Targets">Event mode: <c>standalone</c>, <c>distributed</c> or both.</param>
internal sealed record Options(int Agencies, int Concurrency, int Warmup, int Cold, string Mode, bool Ceiling, int Events, IReadOnlyList<string> Targets)
{
    public const string Usage =
        "usage: [--agencies N] [--concurrency C] [--warmup W] [--cold N] [--mode standalone|direct|gateway|distributed|all|events] " +
        "[--ceiling run|none] [--events N] [--target standalone|distributed|both]   (or: --mode portal [--rounds N])";

    public static Options? Parse(string[] args)
    {
        var options = new Options(Agencies: 1000, Concurrency: 64, Warmup: 1000, Cold: 200, Mode: "standalone", Ceiling: true, Events: 30,
            Targets: ["standalone", "distributed"]);
        if (args.Length % 2 != 0)
        {
            return null;
        }

        for (var i = 0; i < args.Length; i += 2)
        {
            var value = args[i + 1];
            var number = int.TryParse(value, CultureInfo.InvariantCulture, out var n) ? n : -1;
            options = args[i] switch
            {
                "--agencies" when number > 0 => options with { Agencies = number },
                "--concurrency" when number > 0 => options with { Concurrency = number },
                "--warmup" when number >= 0 => options with { Warmup = number },
                "--cold" when number >= 0 => options with { Cold = number },
                "--events" when number > 0 => options with { Events = number },
                "--mode" when value is "standalone" or "direct" or "gateway" or "distributed" or "all" or "events" => options with { Mode = value },
                "--ceiling" when value is "run" or "none" => options with { Ceiling = value == "run" },
                "--target" when value is "standalone" or "distributed" => options with { Targets = [value] },
                "--target" when value is "both" => options with { Targets = ["standalone", "distributed"] },
                _ => null,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
