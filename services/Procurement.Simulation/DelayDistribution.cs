using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Procurement.Simulation;

/// <summary>
/// A distribution of delays in days, beyond a step's own minimum, written <c>family:key=value,key=value</c>:
/// <list type="bullet">
/// <item><c>lognormal:median=M,sigma=S</c> — M × e^(S·Z), Z standard normal (M &gt; 0, S ≥ 0);</item>
/// <item><c>gamma:shape=K,scale=T</c> — mean K·T (K &gt; 0, T &gt; 0);</item>
/// <item><c>exponential:mean=M</c> (M &gt; 0);</item>
/// <item><c>fixed:days=N</c> — always N (N ≥ 0), for runs that can be worked out by hand.</item>
/// </list>
/// A draw is rounded to whole days (half away from zero); with a cap percentile it is first clipped at that percentile.
/// </summary>
public abstract record DelayDistribution
{
    public static IReadOnlyList<string> Families { get; } = ["lognormal", "gamma", "exponential", "fixed"];

    /// <summary>The text it was read from, normalised (<c>lognormal:median=7,sigma=0.8</c>).</summary>
    public abstract string Spec { get; }

    /// <summary>One delay in days, before rounding.</summary>
    public abstract double Sample(Draws draws);

    /// <summary>The value below which <paramref name="percentile"/> % of the delays fall.</summary>
    public abstract double Quantile(double percentile);

    /// <summary>One delay in whole days, clipped at the cap when there is one.</summary>
    public int Days(Draws draws, double? cap)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var delay = Sample(draws);
        if (cap is { } limit && delay > limit)
        {
            delay = limit;
        }

        return (int)Math.Max(0, Math.Round(delay, MidpointRounding.AwayFromZero));
    }

    /// <summary>Reads a spec; a problem answers a message that names <paramref name="argument"/>.</summary>
    public static DelayDistribution Parse(string argument, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var family = (colon < 0 ? text : text[..colon]).Trim().ToLowerInvariant();
        var parameters = ReadParameters(argument, colon < 0 ? "" : text[(colon + 1)..]);
        var keys = family switch
        {
            "lognormal" => new[] { "median", "sigma" },
            "gamma" => ["shape", "scale"],
            "exponential" => ["mean"],
            "fixed" => ["days"],
            _ => throw new SimulationArgumentException(argument,
                $"unknown distribution '{family}' in '{text}'; expected one of {string.Join(", ", Families)} (e.g. lognormal:median=7,sigma=0.8)"),
        };

        // The known keys only, so a typo (medain=) is named rather than ignored.
        var unknown = parameters.Keys.Where(k => !keys.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            throw new SimulationArgumentException(argument, $"unknown parameter {string.Join(", ", unknown)} for {family}; expected {string.Join(", ", keys)}");
        }

        return family switch
        {
            "lognormal" => new LogNormalDelay(Positive(argument, parameters, "median"), NotNegative(argument, parameters, "sigma")),
            "gamma" => new GammaDelay(Positive(argument, parameters, "shape"), Positive(argument, parameters, "scale")),
            "exponential" => new ExponentialDelay(Positive(argument, parameters, "mean")),
            _ => new FixedDelay(WholeDays(argument, parameters, "days")),
        };
    }

    internal static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static Dictionary<string, double> ReadParameters(string argument, string text)
    {
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SimulationArgumentException(argument, $"'{part}' is not key=value");
            }

            var key = part[..equals].Trim();
            if (!double.TryParse(part[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new SimulationArgumentException(argument, $"{key} must be a number, got '{part[(equals + 1)..]}'");
            }

            if (!parameters.TryAdd(key, value))
            {
                throw new SimulationArgumentException(argument, $"{key} is given twice");
            }
        }

        return parameters;
    }

    private static double Required(string argument, Dictionary<string, double> parameters, string key) =>
        parameters.TryGetValue(key, out var value) ? value : throw new SimulationArgumentException(argument, $"{key}= is missing");

    private static double Positive(string argument, Dictionary<string, double> parameters, string key)
    {
        var value = Required(argument, parameters, key);
        return value > 0 ? value : throw new SimulationArgumentException(argument, $"{key} must be greater than 0, got {Number(value)}");
    }

    private static double NotNegative(string argument, Dictionary<string, double> parameters, string key)
    {
        var value = Required(argument, parameters, key);
        return value >= 0 ? value : throw new SimulationArgumentException(argument, $"{key} must be 0 or more, got {Number(value)}");
    }

    private static int WholeDays(string argument, Dictionary<string, double> parameters, string key)
    {
        var value = NotNegative(argument, parameters, key);
        return value == Math.Floor(value) && value <= 3650
            ? (int)value
            : throw new SimulationArgumentException(argument, $"{key} must be a whole number of days from 0 to 3650, got {Number(value)}");
    }
}

/// <summary>Log-normal delays: the median and the standard deviation of the logarithm.</summary>
public sealed record LogNormalDelay(double Median, double Sigma) : DelayDistribution
{
    public override string Spec => $"lognormal:median={Number(Median)},sigma={Number(Sigma)}";

    public override double Sample(Draws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return Median * Math.Exp(Sigma * draws.NextNormal());
    }

    public override double Quantile(double percentile) => Median * Math.Exp(Sigma * Normal.InvCDF(0.0, 1.0, percentile / 100.0));
}

/// <summary>Gamma delays: shape and scale (mean shape × scale).</summary>
public sealed record GammaDelay(double Shape, double Scale) : DelayDistribution
{
    public override string Spec => $"gamma:shape={Number(Shape)},scale={Number(Scale)}";

    /// <summary>By the inverse of the distribution function at a keyed uniform draw, so every draw stays keyed (<see cref="Draws"/>).</summary>
    public override double Sample(Draws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return Scale * Gamma.InvCDF(Shape, 1.0, draws.NextOpenUniform());
    }

    public override double Quantile(double percentile) => Scale * Gamma.InvCDF(Shape, 1.0, percentile / 100.0);
}

/// <summary>Exponential delays with their mean.</summary>
public sealed record ExponentialDelay(double Mean) : DelayDistribution
{
    public override string Spec => $"exponential:mean={Number(Mean)}";

    public override double Sample(Draws draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        return -Mean * Math.Log(draws.NextOpenUniform());
    }

    public override double Quantile(double percentile) => -Mean * Math.Log(1.0 - (percentile / 100.0));
}

/// <summary>The same delay every time.</summary>
public sealed record FixedDelay(int FixedDays) : DelayDistribution
{
    public override string Spec => $"fixed:days={FixedDays}";

    public override double Sample(Draws draws) => FixedDays;

    public override double Quantile(double percentile) => FixedDays;
}
