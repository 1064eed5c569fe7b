using Microsoft.AspNetCore.Builder;

namespace Procurement.ServiceDefaults.OpenApi;

/// <summary>
/// A header an endpoint reads from the request itself (not a bound parameter), so the OpenAPI document, and the
/// client generated from it, would not know it: the document lists it as a required header parameter.
/// </summary>
public sealed record RequiredHeader(string Name, string Description, int MaxLength);

public static class RequiredHeaderExtensions
{
    /// <summary>The endpoint refuses a request without the header <paramref name="name"/> (1 to <paramref name="maxLength"/> characters).</summary>
    public static TBuilder RequiresHeader<TBuilder>(this TBuilder builder, string name, string description, int maxLength)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredHeader(name, description, maxLength));
}
