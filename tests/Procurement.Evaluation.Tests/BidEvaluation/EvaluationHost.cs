using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.Evaluation.Tests.Hosting;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// An Evaluation host (Development: the seven demo experts are seeded) on a fake clock, with the test harness to
/// publish the events that set a tender up, and tokens whose subject is a chosen user id (panel members are users).
/// </summary>
internal sealed class EvaluationHost : EvaluationTestHost
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    public static readonly Guid PurchasingUnit = Guid.NewGuid();
    public const string PurchaserUser = "purchaser-user";
    public static readonly Guid[] Agencies = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private EvaluationHost(RunningHost host, FakeTimeProvider clock)
        : base(host, clock)
    {
    }

    /// <summary>The demo evaluators' user ids, evaluator1 first.</summary>
    public static IReadOnlyList<string> Evaluators => [.. DemoExpertSeeder.DemoExperts.Select(e => e.UserId)];

    public static IReadOnlyList<Guid> DemoExpertIds => [.. DemoExpertSeeder.DemoExperts.Select(e => e.ExpertId)];

    public static async Task<EvaluationHost> StartAsync(Dictionary<string, string?>? values = null)
    {
        var clock = new FakeTimeProvider(Now);
        var settings = new TestSettings { TestHarness = true, Values = values ?? [], Configure = b => b.Services.AddSingleton<TimeProvider>(clock) };
        return new EvaluationHost(await TestHosts.StartAsync(settings, "evaluation", EvaluationModule.Module), clock);
    }

    public HttpClient Client(string role, Guid organisation, string? userId = null, string? language = null) => ClientAs(role, organisation, userId, language);

    public HttpClient Purchaser(string? language = null) => Client(Roles.Purchaser, PurchasingUnit, PurchaserUser, language);

    public HttpClient Evaluator(string userId) => Client(Roles.Evaluator, Guid.NewGuid(), userId);

    public HttpClient Admin() => Client(Roles.Admin, Guid.NewGuid());

    public HttpClient Auditor() => Client(Roles.Auditor, Guid.NewGuid());

    public HttpClient Agency(int index) => Client(Roles.Agency, Agencies[index]);

    /// <summary>A member of the panel: an evaluator, or the purchaser representative.</summary>
    public HttpClient Member(string userId) => userId == PurchaserUser ? Purchaser() : Evaluator(userId);

    /// <summary>
    /// Publishes into the host and waits until this feature's consumer of the message has handled it (other features of
    /// the service may consume the same event; their work is not waited for).
    /// </summary>
    public Task PublishAsync<T>(T message)
        where T : class =>
        message switch
        {
            ServiceProgramCreated m => PublishAsync<ServiceProgramCreatedConsumer, ServiceProgramCreated>(m),
            TenderPublished m => PublishAsync<TenderPublishedConsumer, TenderPublished>(m),
            TenderCancelled m => PublishAsync<TenderCancelledConsumer, TenderCancelled>(m),
            BidsOpened m => PublishAsync<BidsOpenedConsumer, BidsOpened>(m),
            _ => throw new ArgumentException($"No consumer of {typeof(T).Name} in this feature.", nameof(message)),
        };

    /// <summary>Waits (10 s at most) for the outbox to publish a <typeparamref name="T"/>, and answers the only one.</summary>
    public async Task<T> PublishedAsync<T>()
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Harness.Published.Select<T>().Any() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Harness.Published.Select<T>().Should().ContainSingle($"one {typeof(T).Name} is published").Subject.Context.Message;
    }

    /// <summary>A program in the elderly domain and a CompetitiveConsultation tender for it: 3 valid bids, panel ≥ 3 and odd.</summary>
    /// <param name="minimumValidBids">The method's minimum of valid bids.</param>
    /// <param name="domain">The program's service domain.</param>
    /// <param name="criteria">The scheme; by default price 30, service plan 60, staff experience 10.</param>
    /// <param name="bidDeadline">The bid deadline; by default a day before <see cref="Now"/>.</param>
    public async Task<Guid> PublishTenderAsync(
        int minimumValidBids = 3, string domain = "Elderly", IReadOnlyList<CriterionTerms>? criteria = null, DateTimeOffset? bidDeadline = null)
    {
        var programId = Guid.NewGuid();
        await PublishAsync(new ServiceProgramCreated(programId, PurchasingUnit, "Elder care, Street A", "Demo District", domain, new DateOnly(2027, 1, 1), null, Now));
        var tenderId = Guid.NewGuid();
        await PublishAsync(new TenderPublished(
            tenderId, programId, PurchasingUnit, "Elder care 2027", 480_000.00m, bidDeadline ?? Now.AddDays(-1), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            Now.AddDays(-20), "CompetitiveConsultation", new StaffingTerms(3, 1, 1), null,
            new EvaluationTerms(
                criteria ?? [new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Service plan", "Technical", 60m), new CriterionTerms("Staff experience", "Technical", 10m)],
                FixedPrice: false),
            [new KpiTerms("Service hours", "hours", 2400m)],
            [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
            ["Registered social organisation"], null, new ProcurementRulesTerms(minimumValidBids, 3, OddPanelSize: true)));
        return tenderId;
    }

    public static OpenedBid Bid(int agency, decimal price, int certified = 3) => new(
        Guid.NewGuid(), Agencies[agency], $"Agency {agency + 1}", "52440305MJL100017G", 1, Now.AddDays(-2), price, new string('a', 64),
        new OpenedCosts(price * 0.7m, price * 0.2m, price * 0.1m, 0m),
        new OpenedStaffingPlan(certified, 1, 1, 3m, 0.7m, []), "Weekly home visits by a named caseworker.", false, [], null);

    /// <summary>The purchaser draws a panel of three experts; the members' user ids.</summary>
    public async Task<IReadOnlyList<string>> DrawAsync(Guid tenderId)
    {
        var response = await Purchaser().PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size = 3, representatives = Array.Empty<string>() });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return [.. (await JsonAsync(response)).GetProperty("members").EnumerateArray().Select(m => m.GetProperty("userId").GetString()!)];
    }

    /// <summary>A member passes a bid at compliance review (the tenders here have one eligibility requirement).</summary>
    public Task<HttpResponseMessage> PassAsync(Guid tenderId, Guid bidId, string member) =>
        Member(member).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/compliance", new
        {
            eligibility = new[] { new { requirement = "Registered social organisation", met = true, reason = (string?)null } },
        });

    public async Task<IReadOnlyList<OpenedBid>> OpenAsync(Guid tenderId, params OpenedBid[] bids)
    {
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Now.AddHours(-1), bids, []));
        return bids;
    }

}
