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

    /// <summary>
    /// The services' OpenAPI documents as the gateway serves them (<c>/openapi/{service}.json</c>, each its service's
    /// <c>/openapi/v1.json</c>, by the routes of the table), for the interactive API page in Development.
    /// </summary>
    public static IReadOnlyList<ApiDocument> ApiDocuments { get; } =
        [.. new[] { "identity", "tendering", "bidding", "evaluation", "contracting", "disbursement" }
            .Select(service => new ApiDocument(service, char.ToUpperInvariant(service[0]) + service[1..], $"/openapi/{service}.json"))];

    /// <summary>Route metadata <c>"RequestBody": "Document"</c>: the route takes tender documents, so its body cap is the document cap.</summary>
    public const string RequestBodyMetadata = "RequestBody";

    /// <summary>
    /// The platform's own prefixes whose unclaimed paths the gateway answers itself; <c>/connect</c>, <c>/account</c> and
    /// <c>/.well-known</c> need no entry, their routes send everything under them to Identity.
    /// </summary>
    private static readonly string[] PlatformPrefixes = ["/api", "/openapi", "/health"];

    /// <summary>After every route of the table (order 0), before the portal's catch-all route (order 1000).</summary>
    private const int UnclaimedPlatformPathOrder = 500;

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapReverseProxy().ConfigureEndpoints((endpoint, route) =>
        {
            if (route.Metadata?.GetValueOrDefault(RequestBodyMetadata) is "Document")
            {
                endpoint.AcceptsDocumentUpload();
            }
        });

        // Everything else goes to the portal (its catch-all route), but a path under the platform's prefixes that no
        // route claims (/api/unknown, /health/x) is the API's 404 ProblemDetails, never a portal page or its sign-in.
        foreach (var prefix in PlatformPrefixes)
        {
            app.Map(prefix + "/{**rest}", () => Results.NotFound())
                .WithOrder(UnclaimedPlatformPathOrder).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }
}
