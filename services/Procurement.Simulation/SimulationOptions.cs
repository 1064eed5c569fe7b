using System.Globalization;

namespace Procurement.Simulation;

/// <summary>A command-line argument of <c>simulate</c> that cannot be used, with the argument it concerns.</summary>
public sealed class SimulationArgumentException(string argument, string problem) : Exception($"{argument}: {problem}")
{
    public string Argument { get; } = argument;
}

/// <summary>
/// What <c>simulate</c> runs: how many programs over how many years, the seed, the two delay distributions, the optional
/// cap percentile, and the output form.
/// </summary>
/// <param name="Programs">Service programs simulated (each starts with a 12-month contract within the first year).</param>
/// <param name="Years">Years each program runs from its first contract's start.</param>
/// <param name="Seed">The seed every draw is keyed by.</param>
/// <param name="ProcurementDelay">Days each procurement step takes beyond its minimum.</param>
/// <param name="PaymentDelay">Days treasury takes from an instalment falling due to paying it.</param>
/// <param name="CapPercentile">When set, every drawn delay is clipped at this percentile of its distribution.</param>
/// <param name="Json">Print one JSON object instead of the table.</param>
public sealed record SimulationOptions(
    int Programs, int Years, int Seed, DelayDistribution ProcurementDelay, DelayDistribution PaymentDelay, double? CapPercentile, bool Json)
{
    public const string DefaultProcurementDelay = "lognormal:median=7,sigma=0.8";
    public const string DefaultPaymentDelay = "lognormal:median=10,sigma=0.5";

    public static SimulationOptions Default { get; } = new(
        Programs: 500, Years: 5, Seed: 7,
        DelayDistribution.Parse("--delay", DefaultProcurementDelay), DelayDistribution.Parse("--payment-delay", DefaultPaymentDelay),
        CapPercentile: null, Json: false);

    public static string Usage { get; } = $"""
        usage: simulate [--programs N] [--years Y] [--seed S] [--delay SPEC] [--payment-delay SPEC] [--cap-percentile P] [--json]
          --programs N         service programs (1 to 100000, default 500)
          --years Y            years per program (1 to 50, default 5)
          --seed S             seed of every draw (an integer, default 7)
          --delay SPEC         days each procurement step takes beyond its minimum (default {DefaultProcurementDelay})
          --payment-delay SPEC days from an instalment falling due to its payment (default {DefaultPaymentDelay})
          --cap-percentile P   clip every drawn delay at its distribution's P-th percentile (0 < P < 100)
          --json               print {"{"}"baseline": …, "platform": …, "elapsedSeconds": …{"}"} instead of the table
        SPEC: lognormal:median=M,sigma=S | gamma:shape=K,scale=T | exponential:mean=M | fixed:days=N
        """;

    /// <summary>Reads the arguments after the verb; anything wrong throws <see cref="SimulationArgumentException"/> naming the argument.</summary>
    public static SimulationOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Default;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            if (!seen.Add(name))
            {
                throw new SimulationArgumentException(name, "is given twice");
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new SimulationArgumentException(name, "needs a value");
                }

                return args[++i];
            }

            options = name switch
            {
                "--programs" => options with { Programs = WholeNumber(name, Value(), 1, 100_000) },
                "--years" => options with { Years = WholeNumber(name, Value(), 1, 50) },
                "--seed" => options with { Seed = WholeNumber(name, Value(), int.MinValue, int.MaxValue) },
                "--delay" => options with { ProcurementDelay = DelayDistribution.Parse(name, Value()) },
                "--payment-delay" => options with { PaymentDelay = DelayDistribution.Parse(name, Value()) },
                "--cap-percentile" => options with { CapPercentile = Percentile(name, Value()) },
                "--json" when inline is null => options with { Json = true },
                "--json" => throw new SimulationArgumentException(name, "takes no value"),
                _ => throw new SimulationArgumentException(name, "is not an argument of simulate (see --help)"),
            };
        }

        return options;
    }

    private static int WholeNumber(string name, string text, int minimum, int maximum)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw new SimulationArgumentException(name, $"must be a whole number, got '{text}'");
        }

        return value >= minimum && value <= maximum
            ? value
            : throw new SimulationArgumentException(name, $"must be from {minimum} to {maximum}, got {value}");
    }

    private static double Percentile(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new SimulationArgumentException(name, $"must be a number, got '{text}'");
        }

        return value > 0 && value < 100 ? value : throw new SimulationArgumentException(name, $"must be greater than 0 and less than 100, got {text}");
    }
}
