using System.Net;
using Procurement.Identity.Endpoints;
using Procurement.ServiceDefaults.Hosting;
using Procurement.Testing;

namespace Procurement.Identity.Tests;

/// <summary>
/// Issue 14, item 4: the forgot-password form is counted at the edge like a sign-in (per name typed at an address), so
/// nobody mails a person reset links in a loop nor probes names through it faster than through the login page.
/// </summary>
public sealed class The_forgot_password_form_is_limited_like_a_sign_in : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = IdentityHosts.DevelopmentSettings();
        _host = await TestHosts.StartAsync(new TestSettings
        {
            DataDirectory = settings.DataDirectory,
            Values = { ["Edge:RateLimit:SignInPermitLimitPerUserName"] = "2" },
            Configure = builder => builder.AddEdgeProtection(),
            ConfigureApp = app => app.UseEdgeProtection(),
        }, "identity", IdentityModule.Module);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_third_request_for_one_name_is_refused_with_429_while_another_name_is_answered()
    {
        using var browser = new Browser(_host);

        var answers = new List<HttpStatusCode>();
        foreach (var name in (string[])["treasury", "treasury", "treasury", "agency2"])
        {
            answers.Add(await RequestAsync(browser, name));
        }

        answers.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
    }

    private static async Task<HttpStatusCode> RequestAsync(Browser browser, string name)
    {
        using var page = await browser.GetAsync(new Uri(ForgotPasswordEndpoints.Path, UriKind.Relative));
        var form = Browser.HiddenInputs(await page.Content.ReadAsStringAsync());
        form["userName"] = name;
        using var posted = await browser.PostAsync(new Uri(ForgotPasswordEndpoints.Path, UriKind.Relative), form);
        return posted.StatusCode;
    }
}
