using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// Sign-in attempts at the edge (<c>POST /connect/token</c>, <c>POST /account/login</c>), counted twice: per
/// user name at an address (tight: guessing at one account stops early) and per address (generous: a whole
/// office may sign in from behind one NAT address). The user name is counted first, and a refused attempt
/// uses up nothing of the address, so one person hammering a name does not lock their neighbours out; and
/// since a name is counted per address, nobody elsewhere can use up a named officer's attempts. Guessing at
/// one name from many addresses is slowed by Identity's progressive delay per user name, which never locks.
/// </summary>
/// <remarks>
/// It runs before authentication, because OpenIddict answers most token requests there itself. The form is
/// read once (buffered, within the body cap) and rewound for OpenIddict, the login page or the proxy.
/// </remarks>
public sealed class SignInLimiter : IDisposable
{
    /// <summary>Sign-ins, and the forgot-password form (a name typed there is counted like a sign-in's).</summary>
    private static readonly string[] SignInPaths = ["/connect/token", "/account/login", "/account/forgot-password"];

    private readonly PartitionedRateLimiter<string> _perName;
    private readonly PartitionedRateLimiter<string> _perAddress;

    public SignInLimiter(IOptions<EdgeOptions> options)
    {
        var limits = options.Value.RateLimit;
        var window = TimeSpan.FromSeconds(limits.SignInWindowSeconds);
        _perName = Window(limits.SignInPermitLimitPerUserName, window);
        _perAddress = Window(limits.SignInPermitLimitPerAddress, window);
    }

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    internal static async Task LimitAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsSignIn(context.Request))
        {
            await next(context);
            return;
        }

        var (name, refusal) = await UserNameOfAsync(context);
        if (refusal is not null)
        {
            await RequestLimits.WriteProblemAsync(context, refusal.Value, refusal == StatusCodes.Status413PayloadTooLarge ? "payload_too_large" : "validation");
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var limiter = context.RequestServices.GetRequiredService<SignInLimiter>();
        using var nameLease = limiter._perName.AttemptAcquire($"{name}@{address}");
        using var addressLease = nameLease.IsAcquired ? limiter._perAddress.AttemptAcquire(address) : null;
        var refused = addressLease is null ? nameLease : addressLease.IsAcquired ? null : addressLease;
        if (refused is not null)
        {
            var seconds = refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 1;
            context.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            await RequestLimits.WriteProblemAsync(context, StatusCodes.Status429TooManyRequests, "too_many_requests");
            return;
        }

        await next(context);
    }

    public void Dispose()
    {
        _perName.Dispose();
        _perAddress.Dispose();
    }

    /// <summary>
    /// The user name of a password grant or the login form, else the client id (a client secret can be
    /// guessed too), upper-cased as Identity normalises names; or the status of a body that cannot be read.
    /// </summary>
    private static async Task<(string Name, int? Refusal)> UserNameOfAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return ("", null);
        }

        var max = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            return ("", StatusCodes.Status413PayloadTooLarge);
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        request.EnableBuffering();
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            string? name = form["username"];
            if (string.IsNullOrWhiteSpace(name))
            {
                name = form["userName"];
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                name = form["client_id"];
            }

            return ((name ?? "").Trim().ToUpperInvariant(), null);
        }
        catch (BadHttpRequestException bad)
        {
            return ("", bad.StatusCode);
        }
        catch (InvalidDataException)
        {
            return ("", StatusCodes.Status400BadRequest);
        }
        finally
        {
            if (request.Body.CanSeek)
            {
                request.Body.Position = 0;
            }
        }
    }

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
