using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Procurement.Portal.Auth;
using Procurement.Portal.Client;

namespace Procurement.Portal.Files;

/// <summary>
/// Files the browser saves: a tender document, fetched from the API with the portal session's access token (the browser
/// never sees it) and streamed back as an attachment under its own name and type. What the API refuses (404, 403) is
/// the portal's own refusal page with that status, never the API's JSON. Not under a platform prefix of
/// <see cref="PortalPaths"/>: the portal's cookie authenticates it, and the gateway's catch-all sends it to the portal.
/// </summary>
public static class PortalFiles
{
    public const string DocumentRoute = "/files/tenders/{tenderId:guid}/documents/{documentId:guid}";

    public static string DocumentHref(Guid tenderId, Guid documentId) => $"/files/tenders/{tenderId}/documents/{documentId}";

    public static IEndpointRouteBuilder MapPortalFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentRoute, DocumentAsync).RequireAuthorization(PortalAuthentication.SignedInPolicy).ExcludeFromDescription();
        return app.MapReportFiles();
    }

    private static Task<IResult> DocumentAsync(
        Guid tenderId, Guid documentId, HttpContext http, AuthenticationStateProvider authentication, ITenderDocumentsClient documents) =>
        StreamAsync(http, authentication, ct => documents.DownloadTenderDocumentAsync(tenderId, documentId, ct), documentId.ToString());

    /// <summary>
    /// Streams a file the API answers, fetched as this request's person, under the API's file name (or
    /// <paramref name="fallbackName"/>); the API's 403 or 404 is the portal's refusal page, an ended session a new sign-in.
    /// </summary>
    internal static async Task<IResult> StreamAsync(
        HttpContext http, AuthenticationStateProvider authentication, Func<CancellationToken, Task<FileResponse>> download, string fallbackName)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(download);

        // The API clients take the person from the authentication state, as in a circuit: here it is this request's.
        if (authentication is IHostEnvironmentAuthenticationStateProvider request)
        {
            request.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }

        FileResponse file;
        try
        {
            file = await download(http.RequestAborted);
        }
        catch (ApiException refused) when (refused.StatusCode is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
        {
            return new RazorComponentResult<FileRefusal>(new { Status = refused.StatusCode }) { StatusCode = refused.StatusCode };
        }
        catch (PortalSessionEndedException)
        {
            return Results.Redirect(PortalModule.SignInPath + "?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
        }

        http.Response.RegisterForDispose(file);
        if (Header(file, HeaderNames.ContentLength) is { } length && long.TryParse(length, out var bytes))
        {
            http.Response.ContentLength = bytes;
        }

        return TypedResults.Stream(
            file.Stream,
            Header(file, HeaderNames.ContentType) ?? "application/octet-stream",
            FileNameOf(file) ?? fallbackName,
            entityTag: Header(file, HeaderNames.ETag) is { } tag && EntityTagHeaderValue.TryParse(tag, out var etag) ? etag : null);
    }

    /// <summary>The file name the API gave (its <c>filename*</c>, UTF-8, before the ASCII <c>filename</c>).</summary>
    internal static string? FileNameOf(FileResponse file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Header(file, HeaderNames.ContentDisposition) is { } value && ContentDispositionHeaderValue.TryParse(value, out var disposition)
            ? disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value
            : null;
    }

    private static string? Header(FileResponse file, string name) =>
        file.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } values
            ? string.Join(", ", values)
            : null;
}
