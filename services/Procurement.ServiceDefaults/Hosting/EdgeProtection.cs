using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>Limits of the public edge, from the <c>Edge</c> configuration section.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>25 MiB: a tender carries documents up to 20 MB, plus the JSON around them.</summary>
    public long MaxRequestBodyBytes { get; set; } = 25L * 1024 * 1024;

    public EdgeRateLimitOptions RateLimit { get; set; } = new();
}

public sealed class EdgeRateLimitOptions
{
    /// <summary>Requests one client may make per window.</summary>
    public int PermitLimit { get; set; } = 300;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// What the public edge does, shared by the gateway and the embedded Standalone host: a correlation id on
/// every request and answer, a request-rate limit per client, and a cap on request bodies. Every refusal is
/// a ProblemDetails in the caller's language.
/// </summary>
/// <remarks>
/// Pipeline order (the host calls <c>UseServiceDefaults()</c> then <c>UseEdgeProtection()</c>):
/// <list type="number">
/// <item>correlation id — installed by <see cref="AddEdgeProtection"/> as a startup filter, so it runs before
/// everything else: the 401 of authorization and the answers of the exception handler carry it as well, and
/// every log line of the request is in its scope;</item>
/// <item>request localization → exception handler → status code pages → authentication → authorization
/// (<c>UseServiceDefaults</c>): the culture is set before any refusal is written, and the caller is known;</item>
/// <item>rate limiter (<c>UseEdgeProtection</c>): after authentication, so it partitions by client, not only by IP;</item>
/// <item>body cap (<c>UseEdgeProtection</c>): refuses a declared oversize body before anything reads it;</item>
/// <item>the endpoints (the reverse proxy in the gateway, the modules in Standalone).</item>
/// </list>
/// </remarks>
public static class EdgeProtection
{
    /// <summary>The named rate-limiter policy the gateway's routes declare (<c>RateLimiterPolicy</c>).</summary>
    public const string RateLimitPolicy = "per-client";

    public const string CorrelationHeader = "X-Correlation-Id";

    private const int MaxCorrelationLength = 64;
    private static readonly object CorrelationItemKey = new();

    public static WebApplicationBuilder AddEdgeProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Edge:MaxRequestBodyBytes must be above zero.")
            .Validate(o => o.RateLimit.PermitLimit > 0, "Edge:RateLimit:PermitLimit must be above zero.")
            .Validate(o => o.RateLimit.WindowSeconds > 0, "Edge:RateLimit:WindowSeconds must be above zero.")
            .ValidateOnStart();

        builder.Services.AddTransient<IStartupFilter, CorrelationStartupFilter>();

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitPolicy, PerClientWindow);

            // Endpoints that declare no policy of their own (the Standalone host's module endpoints) get the
            // same per-client window; the gateway's routes declare "per-client" and are counted once, there.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null
                || context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : PerClientWindow(context));
            options.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.UseRateLimiter();
        app.Use(CapRequestBody);
        return app;
    }

    /// <summary>The correlation id of the current request, as sent by the caller or created at the edge.</summary>
    public static string? CorrelationIdOf(HttpContext context) => context.Items[CorrelationItemKey] as string;

    /// <summary>A value a caller may choose: short, and only characters that are safe in headers and logs.</summary>
    public static bool IsSaneCorrelationId(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxCorrelationLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The partition is the client: the token's client and subject, else the remote address.</summary>
    internal static string PartitionKeyOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var client = user.FindFirst(ProcurementClaims.ClientId)?.Value;
            var subject = user.FindFirst(ProcurementClaims.Subject)?.Value;
            if (client is not null || subject is not null)
            {
                return $"client:{client}|sub:{subject}";
            }
        }

        // The test server and some in-process transports have no remote address.
        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static RateLimitPartition<string> PerClientWindow(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.RateLimit;
        return RateLimitPartition.GetFixedWindowLimiter(PartitionKeyOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds)
            : 1;
        context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
        await WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests");
    }

    private static Task CapRequestBody(HttpContext context, RequestDelegate next)
    {
        // An endpoint that declares its own limit ([RequestSizeLimit], WithRequestSizeLimit) keeps it:
        // routing has already applied it to the feature.
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
        {
            return next(context);
        }

        var max = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > max)
        {
            return WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "payload_too_large");
        }

        // A body of unknown length (chunked) is cut by the server when it passes the cap: Kestrel throws a
        // BadHttpRequestException with 413, which the proxy or the exception handler turns into a 413.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        return next(context);
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();

        // TryWrite: a caller that accepts no JSON gets the bare status (and its headers) rather than a 500.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Type = ProblemDetailsExtensions.TypePrefix + code,
                Title = ProblemMessages.Get(code),
            },
        });
    }

    /// <summary>Runs the correlation middleware ahead of the whole pipeline of the host.</summary>
    private sealed class CorrelationStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(ApplyCorrelation);
            next(app);
        };
    }

    private static async Task ApplyCorrelation(HttpContext context, RequestDelegate next)
    {
        var sent = context.Request.Headers[CorrelationHeader].ToString();
        var id = IsSaneCorrelationId(sent) ? sent : NewCorrelationId();

        // Back on the request so that the proxy forwards it (and a bad value sent by the caller is not).
        context.Request.Headers[CorrelationHeader] = id;
        context.Items[CorrelationItemKey] = id;
        Activity.Current?.SetTag("correlation.id", id);

        // Set when the answer starts, so that neither a proxied answer nor the exception handler (which
        // clears the headers) can lose or duplicate it.
        context.Response.OnStarting(static state =>
        {
            var (response, value) = ((HttpResponse, string))state;
            response.Headers[CorrelationHeader] = value;
            return Task.CompletedTask;
        }, (context.Response, id));

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EdgeProtection).FullName!);
        using (logger.BeginScope(new CorrelationScope(id)))
        {
            await next(context);
        }
    }

    /// <summary>A log scope that structured loggers see as a CorrelationId property and plain text as "CorrelationId:…".</summary>
    private sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object>>
    {
        public int Count => 1;

        public KeyValuePair<string, object> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{id}";
    }

    private static string NewCorrelationId()
    {
        var activity = Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C }
            ? activity.TraceId.ToHexString()
            : Guid.NewGuid().ToString("N");
    }
}
