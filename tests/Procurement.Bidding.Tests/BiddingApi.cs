using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Bidding.Tests;

/// <summary>A Bidding host on a fake clock (2026-11-25 10:00 in Shanghai) and clients for each party.</summary>
internal sealed class BiddingApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private BiddingApi(RunningHost host, TestSettings settings, FakeTimeProvider clock)
    {
        Host = host;
        Settings = settings;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public RunningHost Host { get; }

    public TestSettings Settings { get; }

    /// <param name="values">Configuration beside the test defaults, e.g. <c>Crypto:Suite</c>.</param>
    /// <param name="dataDirectory">A folder another host used before, kept when this one stops; a fresh one otherwise.</param>
    public static async Task<BiddingApi> StartAsync(IReadOnlyDictionary<string, string?>? values = null, string? dataDirectory = null)
    {
        var clock = new FakeTimeProvider(Now);
        var settings = new TestSettings
        {
            TestHarness = true,
            Values = values?.ToDictionary() ?? [],
            DataDirectory = dataDirectory ?? new TestSettings().DataDirectory,
            KeepDataDirectory = dataDirectory is not null,
            Configure = b => b.Services.AddSingleton<TimeProvider>(clock),
        };
        return new BiddingApi(await TestHosts.StartAsync(settings, "bidding", BiddingModule.Module), settings, clock);
    }

    public HttpClient Client(string role, Guid organisationId, string? language = null)
    {
        var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, organisationId));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static object Profile(string code = "52440305MJL100017G", string registrationDate = "2015-06-01", string name = "Sunshine Social Work Service Centre", int? version = null) => new
    {
        name,
        unifiedSocialCreditCode = code,
        registrationDate,
        address = "1 Shennan Road, Futian, Shenzhen",
        contacts = new[] { new { name = "Li Ming", phone = "13800138000", email = "liming@example.org" } },
        version,
    };

    public async Task<HttpClient> RegisteredAgencyAsync(Guid organisationId, string code = "52440305MJL100017G")
    {
        var client = Client(Roles.Agency, organisationId);
        var response = await client.PutAsJsonAsync("/api/agencies/me", Profile(code));
        response.EnsureSuccessStatusCode();
        return client;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
