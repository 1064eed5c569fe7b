using Procurement.ServiceDefaults.Hosting;

namespace Procurement.Gateway;

/// <summary>
/// Builds the gateway: the shared defaults (token validation, ProblemDetails, health, telemetry), the edge
/// (correlation id, per-client rate limit, body cap) and the reverse proxy. It has no database and no bus.
/// Tests call <see cref="Build"/> with a builder of their own configuration.
/// </summary>
public static class GatewayHost
{
    public const string ServiceName = "gateway";

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults(ServiceName);
        builder.AddEdgeProtection();
        builder.AddGateway();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.UseEdgeProtection();
        app.MapGateway();
        app.MapDefaultEndpoints(GatewayModule.ApiDocuments);
        return app;
    }
}
