namespace Procurement.Portal.Client;

/// <summary>
/// The download answers a document's own type, so the generated client accepts only that (<c>application/pdf</c>); a
/// refusal is a ProblemDetails, which the API writes only for a caller that accepts it — without this, a 404 of the
/// download could not be written and came back as a 500.
/// </summary>
public partial class TenderDocumentsClient
{
    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("application/problem+json"));
    }
}
