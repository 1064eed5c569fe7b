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
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>Limits of the public edge and of every host's requests, from the <c>Edge</c> configuration section.</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>1 MiB: the body cap of every endpoint but document upload (a JSON command, a form).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1L * 1024 * 1024;

    /// <summary>
    /// 21 MiB: the body cap of tender document upload — a file of up to 20 MiB (a larger one is the tender's
    /// 422 <c>document_too_large</c>) plus the multipart framing around it.
    /// </summary>
    public long MaxDocumentBodyBytes { get; set; } = 21L * 1024 * 1024;

    /// <summary>The most items any collection of a JSON body may hold (a staffing plan, indicators, line items).</summary>
    public int MaxCollectionItems { get; set; } = 1000;

    /// <summary>The longest request target (path and query) answered; longer is a 414.</summary>
    public int MaxRequestTargetLength { get; set; } = 8192;

    public EdgeRateLimitOptions RateLimit { get; set; } = new();
}

public sealed class EdgeRateLimitOptions
{
    /// <summary>Requests one signed-in client may make per window.</summary>
    public int PermitLimit { get; set; } = 300;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Requests one address may make per window without a token (public reads, the identity pages).</summary>
    public int AnonymousPermitLimit { get; set; } = 120;

    /// <summary>
    /// Sign-in attempts (<c>POST /connect/token</c>, <c>POST /account/login</c>) one address may make per window:
    /// generous, since a whole office may share one address behind NAT.
    /// </summary>
    public int SignInPermitLimitPerAddress { get; set; } = 60;

    /// <summary>
    /// Sign-in attempts for one user name (or client id) from one address per window: tight, so guessing at
    /// one account stops early, without using up the address's attempts for everyone else behind it — and
    /// without letting anyone elsewhere use up a named person's attempts from their own address.
    /// </summary>
    public int SignInPermitLimitPerUserName { get; set; } = 10;

    public int SignInWindowSeconds { get; set; } = 60;
}

/// <summary>
/// What the public edge does, shared by the gateway and the embedded Standalone host: a correlation id on
/// every request and answer, a request-rate limit per client (per address for callers without a token), and a
/// limit on sign-in attempts per address and per user name. The body, collection and URI caps are every host's
/// (<see cref="RequestLimits"/>). Every refusal is a ProblemDetails in the caller's language.
/// </summary>
/// <remarks>
/// Pipeline order (the host calls <c>UseServiceDefaults()</c> then <c>UseEdgeProtection()</c>):
/// <list type="number">
/// <item>correlation id — installed by <see cref="AddEdgeProtection"/> as a startup filter, so it runs before
/// everything else: the 401 of authorization and the answers of the exception handler carry it as well, and
/// every log line of the request is in its scope;</item>
/// <item>sign-in limit (also a startup filter): before authentication, where OpenIddict answers most token
/// requests itself, so that no sign-in attempt escapes it;</item>
/// <item>request target (every host's, <see cref="RequestLimits"/>, a startup filter too): 414 for a URI too long;</item>
/// <item>request localization → exception handler → status code pages → authentication → authorization →
/// body cap per endpoint (<c>UseServiceDefaults</c>): the culture is set before any refusal is written, the
/// caller is known, and a 401 or 403 answers before a 413;</item>
/// <item>rate limiter (<c>UseEdgeProtection</c>): after authentication, so it partitions by client, not only by IP;</item>
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
            .Validate(o => o.RateLimit.PermitLimit > 0, "Edge:RateLimit:PermitLimit must be above zero.")
            .Validate(o => o.RateLimit.WindowSeconds > 0, "Edge:RateLimit:WindowSeconds must be above zero.")
            .Validate(o => o.RateLimit.AnonymousPermitLimit > 0, "Edge:RateLimit:AnonymousPermitLimit must be above zero.")
            .Validate(o => o.RateLimit.SignInPermitLimitPerAddress > 0, "Edge:RateLimit:SignInPermitLimitPerAddress must be above zero.")
            .Validate(o => o.RateLimit.SignInPermitLimitPerUserName > 0, "Edge:RateLimit:SignInPermitLimitPerUserName must be above zero.")
            .Validate(o => o.RateLimit.SignInWindowSeconds > 0, "Edge:RateLimit:SignInWindowSeconds must be above zero.")
            .ValidateOnStart();

        builder.Services.AddTransient<IStartupFilter, CorrelationStartupFilter>();
        builder.Services.AddSingleton<SignInLimiter>();

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

    /// <summary>A signed-in client's window, or the tighter one of an address without a token.</summary>
    private static RateLimitPartition<string> PerClientWindow(HttpContext context)
    {
        // A sign-in attempt has limits of its own (SignInLimiter), per address and per user name.
        if (SignInLimiter.IsSignIn(context.Request))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.RateLimit;
        var key = PartitionKeyOf(context);
        var anonymous = key.StartsWith("ip:", StringComparison.Ordinal);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = anonymous ? limits.AnonymousPermitLimit : limits.PermitLimit,
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
        await RequestLimits.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests");
    }

    /// <summary>Runs the correlation middleware ahead of the whole pipeline of the host.</summary>
    private sealed class CorrelationStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(ApplyCorrelation);
            app.Use(SignInLimiter.LimitAsync);
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
