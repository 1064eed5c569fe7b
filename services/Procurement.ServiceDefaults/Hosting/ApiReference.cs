using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Scalar.AspNetCore;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>An OpenAPI document the interactive API page lists: its name, its title and where it is served.</summary>
public sealed record ApiDocument(string Name, string Title, string Route);

/// <summary>
/// The interactive API page (Scalar) at <see cref="Path"/>, in Development only: it reads the host's own OpenAPI document
/// (<c>/openapi/v1.json</c>), or, on the gateway, every service's document as the gateway serves it. Outside Development
/// the path is not mapped, so the documents stay machine-readable and nothing else of the API's inside is on show.
/// </summary>
public static class ApiReference
{
    public const string Path = "/scalar";

    public static WebApplication MapApiReference(this WebApplication app, IReadOnlyList<ApiDocument>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Procurement API");
            foreach (var (document, index) in (documents ?? []).Select((document, index) => (document, index)))
            {
                options.AddDocument(document.Name, document.Title, document.Route, isDefault: index == 0);
            }
        }).AllowAnonymous();
        return app;
    }
}
