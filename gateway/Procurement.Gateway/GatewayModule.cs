using Procurement.ServiceDefaults.Hosting;

namespace Procurement.Gateway;

public static class GatewayModule
{
    /// <summary>The configuration section of the route table and the cluster addresses.</summary>
    public const string ProxySection = "ReverseProxy";

    /// <summary>
    /// YARP from configuration. Every route declares its <c>AuthorizationPolicy</c> and <c>RateLimiterPolicy</c>;
    /// each cluster has one destination named <c>primary</c>, so an environment variable
    /// (<c>ReverseProxy__Clusters__tendering__Destinations__primary__Address</c>) moves it.
    /// The default transforms are kept: the Authorization header goes through unchanged (the services
    /// validate the token again) and X-Forwarded-For/-Proto/-Host/-Prefix are set.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection(ProxySection));
        return builder;
    }

    /// <summary>Route metadata <c>"RequestBody": "Document"</c>: the route takes tender documents, so its body cap is the document cap.</summary>
    public const string RequestBodyMetadata = "RequestBody";

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.GetValueOrDefault(RequestBodyMetadata) is "Document")
            {
                endpoint.AcceptsDocumentUpload();
            }
        });
        return app;
    }
}
