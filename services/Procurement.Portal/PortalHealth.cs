using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Procurement.Portal.Auth;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Portal;

/// <summary>The distributed portal's probes: live when it answers, ready when Identity's discovery document answers through the configured authority.</summary>
public static class PortalHealth
{
    public static WebApplicationBuilder AddPortalHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<IdentityReachable>("identity", tags: [HealthTags.Ready]);
        return builder;
    }

    public static WebApplication MapPortalHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        return app;
    }

    private sealed class IdentityReachable(IHttpClientFactory http, IOptions<PortalOptions> options) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var discovery = new Uri(options.Value.AuthorityUri, ".well-known/openid-configuration");
            try
            {
                using var response = await http.CreateClient(PortalTokenService.BackchannelClient).GetAsync(discovery, cancellationToken);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy($"{discovery} answers")
                    : HealthCheckResult.Unhealthy($"{discovery} answered {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                return HealthCheckResult.Unhealthy($"{discovery} does not answer: {e.Message}");
            }
        }
    }
}
