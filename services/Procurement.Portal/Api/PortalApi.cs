using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Procurement.Portal.Auth;
using Procurement.Portal.Client;

namespace Procurement.Portal.Api;

/// <summary>
/// The HTTP client of one circuit for the platform's public API: its base address is
/// <see cref="PortalOptions.ApiBaseUri"/>, each request carries the signed-in person's access token and their language.
/// Made per circuit (not by a message-handler pipeline of <c>IHttpClientFactory</c>, whose scopes are not the circuit's),
/// over one shared connection pool.
/// </summary>
public sealed class PortalHttp : IDisposable
{
    public PortalHttp(PortalUser user, IOptions<PortalOptions> options, PortalSocketsHandler sockets)
    {
        Client = new HttpClient(new BearerHandler(user) { InnerHandler = sockets.Handler }, disposeHandler: false)
        {
            BaseAddress = options.Value.ApiBaseUri,
            Timeout = TimeSpan.FromSeconds(100),
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    private sealed class BearerHandler(PortalUser user) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await user.AccessTokenAsync(cancellationToken));
            request.Headers.AcceptLanguage.Clear();
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "zh-CN"));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>The one connection pool of the portal's API calls.</summary>
public sealed class PortalSocketsHandler : IDisposable
{
    public HttpMessageHandler Handler { get; } = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };

    public void Dispose() => Handler.Dispose();
}

public static class PortalApiRegistration
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddSingleton<PortalSocketsHandler>();
        services.AddScoped<PortalUser>();
        services.AddScoped<PortalHttp>();
        services.AddScoped<Components.Pages.Purchaser.TenderRules>();
        services.AddScoped<OrganisationNames>();
        services.AddProcurementApiClients(provider => provider.GetRequiredService<PortalHttp>().Client);
        return services;
    }
}
