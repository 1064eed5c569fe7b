using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Disbursement.Tests;

/// <summary>A person with a fixed subject, so that two calls are known to come from the same person.</summary>
internal sealed record Person(string Role, Guid OrganisationId, string Subject)
{
    public static Person New(string role, Guid organisationId) => new(role, organisationId, Guid.NewGuid().ToString());
}

/// <summary>
/// A Disbursement host on SQLite and the MassTransit test harness, on a fake clock (2027-03-01 10:00 in Shanghai),
/// with one purchasing unit, one agency and the people of each party.
/// </summary>
internal sealed class DisbursementHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private readonly ConsumeCounter _deliveries = new();
    private int _sent;

    private DisbursementHost(RunningHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        host.Services.GetRequiredService<ITestHarness>().Bus.ConnectConsumeObserver(_deliveries);
    }

    public RunningHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    public Guid Unit { get; } = Guid.NewGuid();

    public Guid Agency { get; } = Guid.NewGuid();

    public Guid Program { get; } = Guid.NewGuid();

    public Person AgencyUser => field ??= Person.New(Roles.Agency, Agency);

    public Person PurchaserUser => field ??= Person.New(Roles.Purchaser, Unit);

    public Person Treasurer => field ??= Person.New(Roles.Treasury, Guid.NewGuid());

    /// <param name="kestrel">Real HTTP on a loopback port (for parallel calls), instead of the test server.</param>
    /// <param name="values">Configuration.</param>
    /// <param name="dataDirectory">A data folder to use (e.g. one an earlier host left), instead of a fresh one.</param>
    /// <param name="keepData">Leave the data folder for a later host.</param>
    /// <param name="now">The fake clock's start.</param>
    public static async Task<DisbursementHost> StartAsync(
        bool kestrel = false, Dictionary<string, string?>? values = null, string? dataDirectory = null, bool keepData = false, DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? Now);
        // The fake clock fires a periodic timer once per period it is advanced over: a long period keeps a jump
        // of months cheap. Tests that need the overdue check call it themselves.
        var configured = new Dictionary<string, string?> { ["Disbursement:OverdueCheckInterval"] = "40.00:00:00" };
        foreach (var (key, value) in values ?? [])
        {
            configured[key] = value;
        }

        var settings = new TestSettings
        {
            DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N")),
            KeepDataDirectory = keepData,
            TestHarness = true,
            UseKestrel = kestrel,
            Values = configured,
            Configure = b => b.Services.AddSingleton<TimeProvider>(clock),
        };
        return new DisbursementHost(await TestHosts.StartAsync(settings, "disbursement", DisbursementModule.Module), clock);
    }

    public HttpClient Client(Person person, string? language = null)
    {
        var client = Host.CreateClient().WithToken(Token(person));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public HttpClient Client(string role, Guid organisationId) => Client(Person.New(role, organisationId));

    /// <summary>Signed with the host's keys like <see cref="TestTokens"/>, but with the person's fixed subject.</summary>
    private string Token(Person person)
    {
        var keys = Host.Services.GetRequiredService<TokenKeys>();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = keys.Issuer,
            Audience = keys.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ProcurementClaims.Subject, person.Subject),
                new Claim(ProcurementClaims.Name, person.Role),
                .. person.Role.Split(',').Select(role => new Claim(ProcurementClaims.Role, role)),
                new Claim(ProcurementClaims.OrganisationId, person.OrganisationId.ToString()),
            ]),
        });
    }

    /// <summary>30 % at activation, 40 % after a passing mid-term evaluation, 30 % after a passing final one.</summary>
    public static IReadOnlyList<InstalmentTerms> DefaultSchedule { get; } =
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")];

    public ContractActivated Activation(
        decimal amount = 100_000.00m, IReadOnlyList<InstalmentTerms>? schedule = null, Guid? agency = null, Guid? unit = null, int paymentTermDays = 30) => new(
        Guid.NewGuid(), Guid.NewGuid(), Program, unit ?? Unit, agency ?? Agency, Guid.NewGuid(), amount,
        new DateOnly(2027, 3, 1), new DateOnly(2028, 2, 29), [new KpiTerms("Service hours", "hours", 2400m)],
        schedule ?? DefaultSchedule, null, Clock.GetUtcNow(), paymentTermDays);

    /// <summary>The second signature of a contract starting on <paramref name="start"/>, now; a successor renews a predecessor.</summary>
    public ContractSigned Signing(DateOnly start, bool successor = true, int paymentTermDays = 30, decimal amount = 100_000.00m) => new(
        Guid.NewGuid(), successor ? null : Guid.NewGuid(), Program, Unit, Agency, amount, start, start.AddYears(1).AddDays(-1), DefaultSchedule,
        paymentTermDays, successor ? Guid.NewGuid() : null, successor, Clock.GetUtcNow());

    /// <summary>The activation of the signed contract, now.</summary>
    public ContractActivated ActivationOf(ContractSigned signed) => new(
        signed.ContractId, signed.TenderId, signed.ProgramId, signed.PurchasingUnitId, signed.AgencyId, Guid.NewGuid(), signed.Amount,
        signed.Start, signed.End, [new KpiTerms("Service hours", "hours", 2400m)], signed.PaymentSchedule, signed.PredecessorId,
        Clock.GetUtcNow(), signed.PaymentTermDays);

    public PerformanceEvaluated Evaluation(ContractActivated contract, string stage, decimal score) => new(
        Guid.NewGuid(), contract.ContractId, contract.ProgramId, contract.AgencyId, stage, score,
        score >= 90 ? "Excellent" : score >= 80 ? "Good" : score >= 60 ? "Pass" : "Fail", score >= 60, Clock.GetUtcNow());

    /// <summary>Publishes into the host's bus and waits until it is consumed, with no fault.</summary>
    public async Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class
    {
        await Harness.Bus.Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());
        await _deliveries.WaitForAsync(++_sent);
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

    /// <summary>
    /// Whether a matching message was published, waiting up to 20 seconds: the outbox publishes after the commit,
    /// so the harness may see the bus idle before the dispatcher has sent it.
    /// </summary>
    public async Task<bool> PublishedAsync<T>(Func<T, bool> match)
        where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await Harness.Published.Any<T>(m => match(m.Context.Message)))
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public async Task SetAppropriationAsync(decimal amount, int year = 2027, Guid? program = null)
    {
        var response = await Client(PurchaserUser).PutAsJsonAsync("/api/disbursements/appropriations", new { programId = program ?? Program, fiscalYear = year, amount });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement[]> InstalmentsAsync(Guid contractId, Person? reader = null)
    {
        var response = await Client(reader ?? Treasurer).GetAsync($"/api/disbursements/instalments?contractId={contractId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement[]>())!;
    }

    public async Task<Guid> InstalmentIdAsync(Guid contractId, int sequence) =>
        (await InstalmentsAsync(contractId)).Single(i => i.GetProperty("sequence").GetInt32() == sequence).GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? idempotencyKey = null, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>Request, approve, release and confirm, each by its party; answers the last response.</summary>
    public async Task PayAsync(Guid instalmentId)
    {
        (await PostAsync(Client(AgencyUser), $"/api/disbursements/instalments/{instalmentId}/request", Guid.NewGuid().ToString())).EnsureSuccessStatusCode();
        (await PostAsync(Client(PurchaserUser), $"/api/disbursements/instalments/{instalmentId}/approve")).EnsureSuccessStatusCode();
        (await PostAsync(Client(Treasurer), $"/api/disbursements/instalments/{instalmentId}/release", Guid.NewGuid().ToString())).EnsureSuccessStatusCode();
        (await PostAsync(Client(Treasurer), $"/api/disbursements/instalments/{instalmentId}/confirm-payment")).EnsureSuccessStatusCode();
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
