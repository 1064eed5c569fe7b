using System.Net.Http.Headers;
using System.Text.Json;
using Procurement.Portal.Client;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>
/// Uploads a tender document (<c>POST api/tenders/{id}/documents</c>, multipart with one <c>file</c>). The generated
/// client cannot: the OpenAPI document does not describe the multipart body, so its <c>UploadTenderDocumentAsync</c>
/// sends an empty JSON body. This goes through the same per-circuit HTTP client (the person's token and language), and a
/// refusal is thrown as the generated clients throw it, so a page shows its ProblemDetails the same way.
/// </summary>
public sealed class TenderDocumentUpload(HttpClient http)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<DocumentView> UploadAsync(Guid tenderId, string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var form = new MultipartFormDataContent();
        using var file = new StreamContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await http.PostAsync(new Uri($"api/tenders/{tenderId}/documents", UriKind.Relative), form, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value);
            throw new ApiException($"The document was refused ({(int)response.StatusCode}).", (int)response.StatusCode, body, headers, null);
        }

        return JsonSerializer.Deserialize<DocumentView>(body, Web)
               ?? throw new ApiException("The document's answer was empty.", (int)response.StatusCode, body, new Dictionary<string, IEnumerable<string>>(), null);
    }
}
