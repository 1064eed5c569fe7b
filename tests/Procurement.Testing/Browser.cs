using System.Net;
using System.Text.RegularExpressions;
namespace Procurement.Testing;

/// <summary>
/// A browser on a test host (the test server or loopback Kestrel): it keeps cookies and does not follow redirects, so a
/// test can step through the authorization-code flow one hop at a time.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly HttpClient _client;

    public Browser(RunningHost host)
    {
        _client = new HttpClient(new CookieJar(Cookies, host.CreateHandler()))
        {
            BaseAddress = host.BaseAddress,
        };
    }

    public CookieContainer Cookies { get; } = new();

    public Task<HttpResponseMessage> GetAsync(Uri uri) => _client.GetAsync(uri);

    public Task<HttpResponseMessage> PostAsync(Uri uri, Dictionary<string, string> form) =>
        _client.PostAsync(uri, new FormUrlEncodedContent(form));

    /// <summary>The hidden inputs of a form (the login form's antiforgery token and return URL, a form_post response's code), HTML-decoded.</summary>
    public static Dictionary<string, string> HiddenInputs(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    private sealed class CookieJar(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(request.RequestUri!, value);
                }
            }

            return response;
        }
    }
}
