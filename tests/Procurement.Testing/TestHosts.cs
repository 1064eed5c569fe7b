using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Testing;

/// <summary>
/// Builds hosts for tests the way the real hosts are built (<see cref="ProcurementHost"/>), with a
/// data folder of their own, on the in-memory bus unless a test asks for RabbitMQ.
/// </summary>
public static class TestHosts
{
    /// <summary>A builder in Development with a fresh data folder and the in-memory bus.</summary>
    public static WebApplicationBuilder CreateBuilder(TestSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = settings.Environment,
            ApplicationName = typeof(TestHosts).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(settings.ToConfiguration());
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter(_ => false);
        if (settings.UseKestrel)
        {
            builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{settings.Port ?? FreePort()}");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        settings.Configure?.Invoke(builder);
        return builder;
    }

    /// <summary>Builds, prepares the databases and starts a host of the given modules.</summary>
    public static async Task<RunningHost> StartAsync(TestSettings settings, string serviceName, params ServiceModule[] modules)
    {
        var builder = CreateBuilder(settings);
        var app = ProcurementHost.Build(builder, serviceName, modules);
        settings.ConfigureApp?.Invoke(app);
        await app.InitialiseDatabasesAsync();
        await app.StartAsync();
        return new RunningHost(app, settings);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A started host; disposing it stops it and deletes its data folder.</summary>
public sealed class RunningHost(WebApplication app, TestSettings settings) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public IServiceProvider Services => App.Services;

    /// <summary>The loopback address when the host runs on Kestrel.</summary>
    public Uri BaseAddress => settings.UseKestrel
        ? new Uri(App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First())
        : new Uri("http://localhost");

    /// <summary>A handler to the host that keeps no cookies and follows no redirect (a <see cref="Browser"/> does both itself).</summary>
    public HttpMessageHandler CreateHandler() => settings.UseKestrel
        ? new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }
        : App.GetTestServer().CreateHandler();

    public HttpClient CreateClient()
    {
        if (settings.UseKestrel)
        {
            return new HttpClient { BaseAddress = BaseAddress };
        }

        var client = App.GetTestServer().CreateClient();
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        DatabaseExtensions.ReleaseSqliteFiles();
        settings.DeleteDataDirectory();
    }
}
