using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Procurement.Simulation;

/// <summary>
/// <c>simulate</c>: the continuity simulator's command line (docs/continuity.md). Dispatched by the Standalone host
/// before any web host is built; answers the process exit code (0, or 2 for arguments it cannot use).
/// </summary>
public static class SimulateCommand
{
    public const string Verb = "simulate";

    public static bool Matches(IReadOnlyList<string> args) => args is { Count: > 0 } && args[0] == Verb;

    /// <summary>Runs with the arguments after the verb, writing the report to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(a => a is "--help" or "-h"))
        {
            output.WriteLine(SimulationOptions.Usage);
            return 0;
        }

        SimulationOptions options;
        try
        {
            options = SimulationOptions.Parse(args);
        }
        catch (SimulationArgumentException problem)
        {
            error.WriteLine($"simulate: {problem.Message}");
            error.WriteLine(SimulationOptions.Usage);
            return 2;
        }

        var report = RunAsBatch(options);
        output.WriteLine(options.Json ? Json(report) : Table(report));
        return 0;
    }

    /// <summary>
    /// The run is a batch job: the garbage collector's background collections are turned off while it runs (and restored
    /// after). Its contracts live for simulated months, so they survive into the oldest generation; collected in the
    /// background, that generation goes on growing while it is marked, and the run holds several hundred MB more at its peak.
    /// </summary>
    private static SimulationReport RunAsBatch(SimulationOptions options)
    {
        var previous = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            return ContinuitySimulation.Run(options);
        }
        finally
        {
            GCSettings.LatencyMode = previous;
        }
    }

    /// <summary>The object: <c>baseline</c> and <c>platform</c> with the same three keys, and <c>elapsedSeconds</c>.</summary>
    public static string Json(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static JsonObject Figures(PolicyOutcome outcome) => new()
        {
            ["gapDaysPerProgramYear"] = outcome.GapDaysPerProgramYear,
            ["programsEverUnfunded"] = outcome.ProgramsEverUnfunded,
            ["lateInstalments"] = outcome.LateInstalments,
        };

        var json = new JsonObject
        {
            ["baseline"] = Figures(report.Baseline),
            ["platform"] = Figures(report.Platform),
            ["elapsedSeconds"] = Math.Round(report.ElapsedSeconds, 3),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public static string Table(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var (b, p) = (report.Baseline, report.Platform);
        var text = new StringBuilder();
        void Line(string format, params object?[] args) => text.AppendLine(string.Format(CultureInfo.InvariantCulture, format, args));
        void Row(string name, object baseline, object platform) => Line("  {0,-38} {1,12} {2,12}", name, baseline, platform);

        Line("Continuity simulation: {0} programs x {1} years ({2} program-years), seed {3}", o.Programs, o.Years, b.ProgramYears, o.Seed);
        Line("  procurement step delay  {0}{1}", o.ProcurementDelay.Spec, Cap(o.ProcurementDelay, o.CapPercentile));
        Line("  treasury payment delay  {0}{1}", o.PaymentDelay.Spec, Cap(o.PaymentDelay, o.CapPercentile));
        text.AppendLine();
        Row("", "baseline", "platform");
        Row("gap days per program-year", b.GapDaysPerProgramYear.ToString("0.000", CultureInfo.InvariantCulture),
            p.GapDaysPerProgramYear.ToString("0.000", CultureInfo.InvariantCulture));
        Row("programs ever unfunded", b.ProgramsEverUnfunded, p.ProgramsEverUnfunded);
        Row("late instalments", b.LateInstalments, p.LateInstalments);
        Row("gap days in total", b.GapDays, p.GapDays);
        Row("  of which cash below cost - advance", b.CashGapDays, p.CashGapDays);
        Row("instalments paid", b.Counts.InstalmentsPaid, p.Counts.InstalmentsPaid);
        Row("direct renewals / new tenders", $"{b.Counts.DirectRenewals} / {b.Counts.NewTenders}", $"{p.Counts.DirectRenewals} / {p.Counts.NewTenders}");
        Row("successors signed (after their start)", $"{b.Counts.SuccessorsSigned} ({b.Counts.SuccessorsSignedLate})",
            $"{p.Counts.SuccessorsSigned} ({p.Counts.SuccessorsSignedLate})");
        Row("bridges approved", b.Counts.BridgesApproved, p.Counts.BridgesApproved);
        Row("bridges refused", b.Counts.BridgesRefused.Values.Sum(), p.Counts.BridgesRefused.Values.Sum());
        Row("renewal lead time at the end (days)", b.LeadTimeDays, $"{p.LeadTimeDays} (n={p.LeadTimeHistory})");
        foreach (var (reason, count) in p.Counts.BridgesRefused.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            Line("  platform bridge refused {0}x: {1}", count, reason);
        }

        if (p.Counts.RenewalsRefused > 0)
        {
            Line("  platform direct renewals refused by the lifecycle (re-tendered): {0}", p.Counts.RenewalsRefused);
        }

        text.AppendLine();
        Line("elapsed {0:0.000} s for both policies, run in parallel: stepping the domain {1:0.000} s, coverage timeline {2:0.000} s (the two policies' times added)",
            report.ElapsedSeconds, b.SteppingSeconds + p.SteppingSeconds, b.TimelineSeconds + p.TimelineSeconds);
        return text.ToString().TrimEnd();
    }

    private static string Cap(DelayDistribution distribution, double? percentile) =>
        percentile is { } p
            ? string.Format(CultureInfo.InvariantCulture, ", clipped at p{0} = {1:0.0} days", p, distribution.Quantile(p))
            : string.Format(CultureInfo.InvariantCulture, " (p95 = {0:0.0} days, not clipped)", distribution.Quantile(95));
}
