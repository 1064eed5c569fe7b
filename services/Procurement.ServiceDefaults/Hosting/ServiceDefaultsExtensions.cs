using System.Text.Json;
using MassTransit.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Procurement.ServiceDefaults.Audit;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every host shares: the clock, ProblemDetails in the caller's language, token validation and
    /// role policies, OpenAPI, health checks, structured logs and OpenTelemetry traces.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProcurementProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Enums by name only: a number (or an unknown name) is refused, never stored as an undefined member.
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.Converters.Add(new TwoDecimalPlacesConverter());
        });
        builder.AddProcurementAuthentication();
        builder.Services.AddOpenApi(options => OpenApi.ProcurementOpenApi.AddProcurementConventions(options, serviceName));
        builder.Services.AddHealthChecks();
        builder.Services.AddHttpContextAccessor();

        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffzzz ";
            options.UseUtcTimestamp = true;
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation()
                    .AddSource(DiagnosticHeaders.DefaultListenerName)
                    .AddSource(Outbox.ActivitySourceName);
                if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
                {
                    tracing.AddOtlpExporter();
                }
            });
        builder.AddRequestLimits();
        return builder;
    }

    /// <summary>The middleware every host runs, in order; the caller maps its endpoints afterwards.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseProcurementProblemDetails();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLimits();
        return app;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: its databases and the broker answer too. The OpenAPI
    /// document, and in Development the interactive API page over it (or over <paramref name="apiDocuments"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, IReadOnlyList<ApiDocument>? apiDocuments = null)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready), ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapApiReference(apiDocuments);
        app.MapDeadLetterEndpoints();
        app.MapAuditEndpoints();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}

/// <summary>Builds a host from service modules: the only composition code the hosts and the tests share.</summary>
public static class ProcurementHost
{
    public static WebApplication Build(WebApplicationBuilder builder, string serviceName, params ServiceModule[] modules)
    {
        builder.AddServiceDefaults(serviceName);
        foreach (var module in modules)
        {
            module.Add(builder);
        }

        builder.AddProcurementBus();
        var app = builder.Build();
        app.UseServiceDefaults();
        foreach (var module in modules)
        {
            module.Map(app);
        }

        // The modules' JSON bodies are checked (charset, duplicate keys, nulls in lists, enums, dates, control
        // characters) inside each endpoint, after authorization.
        JsonBodyGuard.Install(app);
        app.MapDefaultEndpoints();
        return app;
    }

    /// <summary>Prepares the databases, then serves until the host is stopped.</summary>
    public static async Task RunServiceAsync(this WebApplication app)
    {
        await app.InitialiseDatabasesAsync();
        await app.RunAsync();
    }
}
