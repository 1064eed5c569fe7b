using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using AntDesign;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;
using Procurement.ServiceDefaults.Time;
using Procurement.Testing.Platform;

namespace Procurement.Benchmarks;

/// <summary>
/// What the portal adds to a page: the purchaser's tender list with 50 tenders, rendered on the server by the portal's
/// own component through the generated client against the embedded platform — timed beside the bare API call the page
/// makes, so the difference is the portal's share (client, deserialisation, components, HTML). Prints figures; asserts
/// nothing about time (docs/performance.md).
/// </summary>
internal static class PortalPageBenchmark
{
    public static async Task<int> RunAsync(int rounds)
    {
        Console.WriteLine($"Portal page: the purchaser's tender list with 50 tenders, {rounds} timed renders after 20 warm-up renders; " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        await using var platform = await EmbeddedPlatform.StartAsync();
        using var purchaser = await platform.SignedInClientAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync("居家养老服务 Home care for elders (benchmark)", "Demo District");
        var today = DateTimeOffset.UtcNow.ShanghaiDate();
        var serviceStart = new DateOnly(today.Year, today.Month, 1).AddMonths(3);
        for (var i = 0; i < 50; i++)
        {
            await purchaser.DraftTenderAsync(NewTender.Standard(programId, $"示范区第{i + 1}街道居家养老服务项目 (tender {i + 1})", 1_234_567.89m + i,
                SliceApi.BeijingTime(today.AddDays(30), new TimeOnly(17, 0)), serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        }

        var token = purchaser.DefaultRequestHeaders.Authorization!.Parameter!;
        using var api = platform.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");

        await using var services = PortalServices(api);
        var tenders = services.GetRequiredService<ITendersClient>();
        var programs = services.GetRequiredService<IServiceProgramsClient>();
        var count = (await tenders.ListTendersAsync()).Count;
        Console.WriteLine($"{count} tenders listed by GET /api/tenders");

        // The bare API calls the page makes (the tenders and the programs for their names), as the generated client makes them.
        var apiOnly = await TimeAsync(rounds, async () =>
        {
            await tenders.ListTendersAsync();
            await programs.ListProgramsAsync();
            return 0;
        });

        // The whole page on the server: the same calls, then the components and their HTML.
        var html = 0;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var page = await TimeAsync(rounds, () => renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Tenders>();
            html = output.ToHtmlString().Length;
            return html;
        }));

        Console.WriteLine();
        Console.WriteLine("| what | mean ms | p50 ms | p95 ms | max ms | CPU ms per op |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(Row("API calls only (tenders + programs)", apiOnly));
        Console.WriteLine(Row("the page rendered on the server", page));
        Console.WriteLine();
        Console.WriteLine($"HTML of the page: {html / 1024.0:F0} KiB. The portal adds {page.Mean - apiOnly.Mean:F1} ms and " +
            $"{page.CpuPerOp - apiOnly.CpuPerOp:F1} ms of CPU per page over its API calls.");
        return 0;
    }

    private static ServiceProvider PortalServices(HttpClient api)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddLocalization();
        services.AddAntDesign();
        services.AddSingleton<IJSRuntime, NoScript>();
        services.AddSingleton<NavigationManager, StaticNavigation>();
        services.AddSupplyValueFromQueryProvider();
        services.AddSingleton<AuthenticationStateProvider, Purchaser>();
        services.AddCascadingAuthenticationState();
        services.AddProcurementApiClients(_ => api);
        return services.BuildServiceProvider();
    }

    private static async Task<Timing> TimeAsync(int rounds, Func<Task<int>> operation)
    {
        for (var i = 0; i < 20; i++)
        {
            await operation();
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        process.Refresh();
        Array.Sort(times);
        return new Timing(times, (process.TotalProcessorTime - cpu).TotalMilliseconds / rounds);
    }

    private static string Row(string what, Timing t) =>
        $"| {what} | {t.Mean:F1} | {t.Percentile(50):F1} | {t.Percentile(95):F1} | {t.Times[^1]:F1} | {t.CpuPerOp:F1} |";

    private sealed record Timing(double[] Times, double CpuPerOp)
    {
        public double Mean => Times.Average();

        public double Percentile(int p) => Times[Math.Min(Times.Length - 1, (int)Math.Ceiling(p / 100.0 * Times.Length) - 1)];
    }

    /// <summary>A server render runs no script (AntDesign's interop happens after the first render in a browser).</summary>
    private sealed class NoScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
    }

    private sealed class StaticNavigation : NavigationManager
    {
        public StaticNavigation() => Initialize("http://127.0.0.1:5080/", "http://127.0.0.1:5080/purchaser/tenders");
    }

    private sealed class Purchaser : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim("name", "purchaser"), new Claim("role", "purchaser")], "benchmark", "name", "role"))));
    }
}
