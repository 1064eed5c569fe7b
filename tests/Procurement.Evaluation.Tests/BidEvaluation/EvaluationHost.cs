using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Evaluation.Data;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// An Evaluation host (Development: the seven demo experts are seeded) on a fake clock, with the test harness to
/// publish the events that set a tender up, and tokens whose subject is a chosen user id (panel members are users).
/// </summary>
internal sealed class EvaluationHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    public static readonly Guid PurchasingUnit = Guid.NewGuid();
    public const string PurchaserUser = "purchaser-user";
    public static readonly Guid[] Agencies = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    private EvaluationHost(RunningHost host) => Host = host;

    public RunningHost Host { get; }

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    /// <summary>The demo evaluators' user ids, evaluator1 first.</summary>
    public static IReadOnlyList<string> Evaluators => [.. DemoExpertSeeder.DemoExperts.Select(e => e.UserId)];

    public static IReadOnlyList<Guid> DemoExpertIds => [.. DemoExpertSeeder.DemoExperts.Select(e => e.ExpertId)];

    public static async Task<EvaluationHost> StartAsync(Dictionary<string, string?>? values = null)
    {
        var clock = new FakeTimeProvider(Now);
        var settings = new TestSettings { TestHarness = true, Values = values ?? [], Configure = b => b.Services.AddSingleton<TimeProvider>(clock) };
        var host = new EvaluationHost(await TestHosts.StartAsync(settings, "evaluation", EvaluationModule.Module));
        return host;
    }

    public HttpClient Client(string role, Guid organisation, string? userId = null, string? language = null)
    {
        var keys = Host.Services.GetRequiredService<TokenKeys>();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = keys.Issuer,
            Audience = keys.Audience,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256),
            Subject = new ClaimsIdentity(
            [
                new Claim(ProcurementClaims.Subject, userId ?? Guid.NewGuid().ToString()),
                new Claim(ProcurementClaims.Name, role),
                new Claim(ProcurementClaims.Role, role),
                new Claim(ProcurementClaims.OrganisationId, organisation.ToString()),
            ]),
        });
        var client = Host.CreateClient().WithToken(token);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

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
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        var consumed = message switch
        {
            ServiceProgramCreated => await ConsumedAsync<ServiceProgramCreatedConsumer, T>(id),
            TenderPublished => await ConsumedAsync<TenderPublishedConsumer, T>(id),
            TenderCancelled => await ConsumedAsync<TenderCancelledConsumer, T>(id),
            BidsOpened => await ConsumedAsync<BidsOpenedConsumer, T>(id),
            _ => throw new ArgumentException($"No consumer of {typeof(T).Name} in this feature.", nameof(message)),
        };
        consumed.Should().BeTrue($"the {typeof(T).Name} is consumed within 20 seconds");
        Harness.Published.Select<Fault<T>>().Should().BeEmpty();
    }

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

    /// <summary>Waits until the consumer's inbox holds the message id: its effect was committed with it.</summary>
    private async Task<bool> ConsumedAsync<TConsumer, T>(Guid id)
        where TConsumer : class, IConsumer
        where T : class
    {
        var consumer = typeof(TConsumer).FullName!;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            if (await db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == consumer))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    /// <summary>A program in the elderly domain and a CompetitiveConsultation tender for it: 3 valid bids, panel ≥ 3 and odd.</summary>
    public async Task<Guid> PublishTenderAsync(int minimumValidBids = 3, string domain = "Elderly")
    {
        var programId = Guid.NewGuid();
        await PublishAsync(new ServiceProgramCreated(programId, PurchasingUnit, "Elder care, Street A", "Demo District", domain, new DateOnly(2027, 1, 1), null, Now));
        var tenderId = Guid.NewGuid();
        await PublishAsync(new TenderPublished(
            tenderId, programId, PurchasingUnit, "Elder care 2027", 480_000.00m, Now.AddDays(-1), new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31),
            Now.AddDays(-20), "CompetitiveConsultation", new StaffingTerms(3, 1, 1), null,
            new EvaluationTerms(
                [new CriterionTerms("Price", "Price", 30m), new CriterionTerms("Service plan", "Technical", 60m), new CriterionTerms("Past performance", "PastPerformance", 10m)],
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

    public async Task<IReadOnlyList<OpenedBid>> OpenAsync(Guid tenderId, params OpenedBid[] bids)
    {
        await PublishAsync(new BidsOpened(tenderId, PurchasingUnit, Now.AddHours(-1), bids, []));
        return bids;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
