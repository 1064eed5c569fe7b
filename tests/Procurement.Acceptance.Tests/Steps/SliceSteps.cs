using System.Globalization;
using System.Net;
using System.Text.Json;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Slice, against <see cref="IPlatform"/>: the same steps drive the embedded and the
/// distributed platform, always through the public entry, signed in as the demo users.
/// </summary>
[Binding]
public sealed class SliceSteps(IPlatform platform) : IDisposable
{
    private readonly List<HttpClient> _clients = [];
    private readonly Dictionary<string, Guid> _programs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _tenders = new(StringComparer.Ordinal);
    private DateOnly? _today;
    private HttpClient? _me;
    private Guid? _thatProgram;
    private OpenTenderView[] _openTenders = [];
    private Answer? _answer;

    /// <summary>The Beijing date the scenario counts days from, fixed at its first use so midnight cannot split a scenario.</summary>
    private DateOnly Today => _today ??= SliceApi.BeijingToday();

    private HttpClient Me => _me ?? throw new InvalidOperationException("An earlier step should say who I am (signed in, or not).");

    private Guid ThatProgram => _thatProgram ?? throw new InvalidOperationException("An earlier step should create a service program.");

    // ---- who I am -----------------------------------------------------------------------------

    [Given(@"I am signed in as the (?:purchaser|agency user) ""([^""]*)""")]
    public async Task SignedInAs(string userName) => _me = await SignInAsync(userName);

    [Given("I have not signed in")]
    public void NotSignedIn() => _me = Track(platform.CreateClient());

    // ---- purchasers ---------------------------------------------------------------------------

    [Given(@"I have created the service program ""([^""]*)"" in ""([^""]*)""")]
    public async Task CreatedProgram(string name, string region) =>
        _thatProgram = _programs[name] = await Me.CreateProgramAsync(name, region);

    [Given(@"the purchaser ""([^""]*)"" has drafted a tender ""([^""]*)"" for the service program ""([^""]*)""")]
    public async Task PurchaserDrafted(string userName, string title, string programName)
    {
        var purchaser = await SignInAsync(userName);
        var programId = _programs[programName] = await purchaser.CreateProgramAsync(programName, "Demo District", "ChildrenAndYouth");
        _tenders[title] = await purchaser.DraftTenderAsync(ValidTender(programId, title));
    }

    [When(@"I publish a tender ""([^""]*)"" for that program with a budget ceiling of (\d+\.\d{2}) yuan, bids due in (\d+) days at (\d{2}:\d{2}) Beijing time, for one year of service from the first of the month after bids are due")]
    public async Task PublishTender(string title, decimal budgetCeiling, int days, TimeOnly time)
    {
        var deadline = SliceApi.BeijingTime(Today.AddDays(days), time);
        var serviceStart = FirstOfNextMonth(deadline);
        // The purchaser's form fills in the standard evaluation scheme, staffing, KPIs and 30/40/30 payments.
        var tenderId = await Me.DraftTenderAsync(NewTender.Standard(
            ThatProgram, title, budgetCeiling, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1)));
        await Me.PublishTenderAsync(tenderId);
        _tenders[title] = tenderId;
    }

    [When(@"I send a tender for that program with no title, a budget ceiling of (-?\d+\.\d{2}) yuan, bids due yesterday, and service that ends a month before it starts")]
    public async Task SendMalformedTender(decimal budgetCeiling)
    {
        var serviceStart = FirstOfNextMonth(SliceApi.BeijingTime(Today, new TimeOnly(0, 0)));
        var tender = new NewTender(
            ThatProgram, "", budgetCeiling, SliceApi.BeijingTime(Today.AddDays(-1), new TimeOnly(17, 0)), serviceStart, serviceStart.AddMonths(-1));
        await KeepAnswerAsync(Me.SendTenderAsync(tender));
    }

    [Then("the tender is sent back, naming each detail to correct:")]
    public void SentBackNaming(StepTable details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var answer = _answer ?? throw new InvalidOperationException("No answer to check.");
        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
        using var problem = JsonDocument.Parse(answer.Body);
        problem.RootElement.GetProperty("type").GetString().Should().Be("urn:procurement:problem:validation");
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString())));
        errors.Keys.Should().BeEquivalentTo(details.DataRows.Select(row => row["detail"]), "every bad detail is named, and only those");
        foreach (var row in details.DataRows)
        {
            errors[row["detail"]].Should().Contain(row["the message"]);
        }
    }

    // ---- agencies -----------------------------------------------------------------------------

    [When(@"the agency user ""([^""]*)"" looks at the open tenders")]
    public async Task AgencyLooks(string userName)
    {
        var agency = await SignInAsync(userName);

        // In the distributed mode the tender travels over the broker: give it the time it takes.
        foreach (var (title, tenderId) in _tenders)
        {
            (await agency.WaitForOpenTenderAsync(tenderId)).Should()
                .NotBeNull($"\"{title}\" was published and reaches the agencies within {SliceApi.DeliveryTimeout.TotalSeconds} s");
        }

        _openTenders = await agency.OpenTendersAsync();
    }

    [Then(@"they see ""([^""]*)"" with a budget ceiling of (\d+\.\d{2}) yuan and bids due in (\d+) days at (\d{2}:\d{2}) Beijing time")]
    public void TheySee(string title, decimal budgetCeiling, int days, TimeOnly time)
    {
        var tender = _openTenders.Should().ContainSingle(t => t.TenderId == _tenders[title]).Subject;
        tender.Title.Should().Be(title);
        tender.BudgetCeiling.Should().Be(budgetCeiling);
        tender.TimeZone.Should().Be("Asia/Shanghai");
        var due = Today.AddDays(days).ToDateTime(time);
        tender.BidDeadlineLocal.Should().Be(due.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+08:00");
        tender.BidDeadline.Should().Be(new DateTimeOffset(due, TimeSpan.FromHours(8)));
    }

    [Then(@"they see that it is a public tender asking for (\d+) certified social workers, (\d+) of them at intermediate level or above, and (\d+) supervisors?")]
    public void TheySeeTheRequirements(int certified, int intermediate, int supervisors)
    {
        var tender = _openTenders.Should().ContainSingle(t => _tenders.ContainsValue(t.TenderId)).Subject;
        tender.ProcurementMethod.Should().Be("PublicTender");
        tender.Staffing.Should().Be(new StaffingView(certified, intermediate, supervisors));
        tender.Eligibility.Should().NotBeEmpty();
    }

    [When(@"I try to publish the tender ""([^""]*)""")]
    public Task TryToPublish(string title) => KeepAnswerAsync(Me.SendPublishAsync(_tenders[title]));

    [When(@"I try to put out a tender ""([^""]*)""(?: for the service program ""([^""]*)"")?")]
    public Task TryToPutOut(string title, string? programName) =>
        KeepAnswerAsync(Me.SendTenderAsync(ValidTender(programName is null ? Guid.NewGuid() : _programs[programName], title)));

    [Then("I am refused because only purchasers may (?:publish|put out) tenders")]
    public void RefusedOnlyPurchasers()
    {
        var answer = _answer ?? throw new InvalidOperationException("No answer to check.");
        answer.Status.Should().Be(HttpStatusCode.Forbidden, answer.Body);
        using var problem = JsonDocument.Parse(answer.Body);
        problem.RootElement.GetProperty("type").GetString().Should().Be("urn:procurement:problem:forbidden");
    }

    // ---- visitors -----------------------------------------------------------------------------

    [When("I look at the open tenders")]
    public Task Look() => KeepAnswerAsync(Me.GetAsync(new Uri("/api/bids/open-tenders", UriKind.Relative)));

    [Then("I am asked to sign in first")]
    public void AskedToSignIn()
    {
        var answer = _answer ?? throw new InvalidOperationException("No answer to check.");
        answer.Status.Should().Be(HttpStatusCode.Unauthorized, answer.Body);
        answer.Challenges.Should().Contain("Bearer");
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /// <summary>A tender with nothing wrong: bids due in 25 days at 17:00, a year of service from the month after.</summary>
    private NewTender ValidTender(Guid programId, string title)
    {
        var deadline = SliceApi.BeijingTime(Today.AddDays(25), new TimeOnly(17, 0));
        var serviceStart = FirstOfNextMonth(deadline);
        return NewTender.Standard(programId, title, 100_000.00m, deadline, serviceStart, serviceStart.AddYears(1).AddDays(-1));
    }

    private static DateOnly FirstOfNextMonth(DateTimeOffset beijingTime) =>
        new DateOnly(beijingTime.Year, beijingTime.Month, 1).AddMonths(1);

    private async Task<HttpClient> SignInAsync(string userName) => Track(await platform.SignedInClientAsync(userName));

    private HttpClient Track(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }

    private async Task KeepAnswerAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        _answer = new Answer(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            [.. response.Headers.WwwAuthenticate.Select(h => h.Scheme)]);
    }

    private sealed record Answer(HttpStatusCode Status, string Body, IReadOnlyList<string> Challenges);
}
