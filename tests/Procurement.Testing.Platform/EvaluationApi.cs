using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Bidding;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.BidEvaluation.Messaging;
using Procurement.Evaluation.Data;
using Procurement.Identity.Domain;

namespace Procurement.Testing.Platform;

public sealed record EmploymentView(Guid OrganisationId, string OrganisationName, DateOnly From, DateOnly? To);

public sealed record ExpertView(Guid Id, string Name, string EvaluatorUserId, IReadOnlyList<string> ServiceDomains, IReadOnlyList<EmploymentView> Employment, bool Available, int Version);

public sealed record SeatView(int Number, string Kind, Guid? ExpertId, string? ExpertName, string UserId);

public sealed record DrawView(int Number, string Seed, IReadOnlyList<Guid> Candidates, IReadOnlyList<Guid> Selected, Guid? Replaces);

public sealed record PanelView(Guid PanelId, int Size, int Experts, int Representatives, IReadOnlyList<SeatView> Members, IReadOnlyList<SeatView> Replaced, IReadOnlyList<DrawView> Draws);

public sealed record ReplayView(bool Matches);

public sealed record BidReviewView(
    Guid BidId, Guid AgencyId, string AgencyName, decimal Price, string Compliance, IReadOnlyList<string> ComplianceReasons,
    bool AbnormallyLow = false, IReadOnlyList<string>? AbnormallyLowReasons = null, string? AbnormallyLowExplanation = null);

public sealed record RankingView(int Rank, Guid BidId, Guid AgencyId, string AgencyName, decimal Price, decimal? PriceScore, decimal Total);

public sealed record EvaluationView(string Stage, string? Outcome, IReadOnlyList<BidReviewView> Bids, IReadOnlyList<RankingView>? Ranking);

/// <summary>A bid as the scene opens it: the demo agency, its price, and how many certified social workers it plans.</summary>
public sealed record SceneBid(string Agency, decimal Price, int CertifiedSocialWorkers = 3);

/// <summary>
/// The program and service period of a scene's tender: a program that exists already (e.g. created through Tendering, so
/// that its pages and appropriations know it) and the period the award and its contract will carry.
/// </summary>
public sealed record SceneService(Guid ProgramId, DateOnly Start, DateOnly End);

/// <summary>A tender in evaluation: its id and each agency's bid id.</summary>
public sealed record SceneTender(Guid TenderId, IReadOnlyDictionary<string, Guid> Bids);

/// <summary>
/// Evaluation as calls on the public entry, and the scene before it: instead of going through Tendering and Bidding
/// (weeks of deadlines), the program, the tender and the opened bids are published into the embedded host's bus,
/// as those services would publish them, and the steps wait until Evaluation has taken them in.
/// </summary>
public static class EvaluationApi
{
    /// <summary>A demo user's name by their user id (panel members are named by user id).</summary>
    public static string DemoUserName(string userId) => DemoDirectory.Users.First(u => u.Id.ToString() == userId).UserName;

    public static string DemoUserId(string userName) => DemoDirectory.UserNamed(userName).Id.ToString();

    public static Guid DemoOrganisation(string userName) => DemoDirectory.UserNamed(userName).OrganisationId;

    /// <summary>
    /// Publishes the program (unless <paramref name="service"/> names one), the tender and its opened bids into the embedded
    /// host, and waits until Evaluation has them; the service period is <paramref name="service"/>'s, or the service year after the bid deadline (<see cref="ServiceYear.After"/>).
    /// </summary>
    public static async Task<SceneTender> OpenTenderForEvaluationAsync(
        this EmbeddedPlatform platform, string title, IReadOnlyList<CriterionTerms> criteria, IReadOnlyList<SceneBid> bids,
        int minimumValidBids = 3, StaffingTerms? staffing = null, SceneService? service = null)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var purchaser = DemoDirectory.UserNamed("purchaser");
        var now = DateTimeOffset.UtcNow;
        var bidDeadline = now.AddMinutes(-5);
        var (programId, start, end) = service ?? DefaultService(bidDeadline);
        if (service is null)
        {
            await platform.PublishAndWaitAsync<ServiceProgramCreated, ServiceProgramCreatedConsumer>(new ServiceProgramCreated(
                programId, purchaser.OrganisationId, $"Program for {title}", "Demo District", "Elderly", start, null, now));
        }

        var tenderId = Guid.NewGuid();
        await platform.PublishAndWaitAsync<TenderPublished, TenderPublishedConsumer>(new TenderPublished(
            tenderId, programId, purchaser.OrganisationId, title, 480_000.00m, bidDeadline, start, end,
            now.AddDays(-20), "CompetitiveConsultation", staffing ?? new StaffingTerms(3, 1, 1), null, new EvaluationTerms(criteria, FixedPrice: false),
            [new KpiTerms("Service hours", "hours", 2400m)],
            [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
            ["Registered social organisation"], null, new ProcurementRulesTerms(minimumValidBids, 3, OddPanelSize: true)));

        var opened = bids.Select(b =>
        {
            var agency = DemoDirectory.UserNamed(b.Agency);
            return new OpenedBid(
                Guid.NewGuid(), agency.OrganisationId, agency.OrganisationName, "52440305MJL100017G", 1, now.AddDays(-1), b.Price, new string('0', 64),
                new OpenedCosts(b.Price * 0.70m, b.Price * 0.20m, b.Price * 0.10m, 0m),
                new OpenedStaffingPlan(b.CertifiedSocialWorkers, 1, 1, b.CertifiedSocialWorkers, 0.70m, []),
                "A named caseworker for every isolated elder and a weekly home visit.", false, [], null);
        }).ToList();
        await platform.PublishAndWaitAsync<BidsOpened, BidsOpenedConsumer>(new BidsOpened(tenderId, purchaser.OrganisationId, now, opened, []));
        return new SceneTender(tenderId, bids.Select((b, i) => (b.Agency, opened[i].BidId)).ToDictionary(p => p.Agency, p => p.BidId));
    }

    private static SceneService DefaultService(DateTimeOffset bidDeadline)
    {
        var (start, end) = ServiceYear.After(bidDeadline);
        return new SceneService(Guid.NewGuid(), start, end);
    }

    /// <summary>Publishes into the embedded host's bus and waits (30 s at most) until the consumer's inbox records it.</summary>
    public static async Task PublishAndWaitAsync<TMessage, TConsumer>(this EmbeddedPlatform platform, TMessage message)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(platform);
        var id = NewId.NextGuid();
        await platform.Host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = id);
        var consumer = typeof(TConsumer).FullName!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = platform.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            if (await db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == consumer))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Evaluation did not take in the {typeof(TMessage).Name} within 30 seconds.");
    }

    public static async Task<ExpertView[]> ExpertsAsync(this HttpClient admin) =>
        (await ApiAnswer.ReadAsync(admin.GetAsync(new Uri("/api/experts", UriKind.Relative)))).Expect(HttpStatusCode.OK, "listing the expert pool").Json<ExpertView[]>();

    public static async Task<ExpertView> EditExpertAsync(this HttpClient admin, ExpertView expert, IReadOnlyList<EmploymentView> employment)
    {
        ArgumentNullException.ThrowIfNull(expert);
        var body = new { expert.Name, expert.EvaluatorUserId, expert.ServiceDomains, employment, expert.Available, expert.Version };
        return (await ApiAnswer.ReadAsync(admin.PutAsJsonAsync(new Uri($"/api/experts/{expert.Id}", UriKind.Relative), body, JsonSerializerOptions.Web)))
            .Expect(HttpStatusCode.OK, "editing an expert").Json<ExpertView>();
    }

    public static async Task DeclareConflictAsync(this HttpClient evaluator, Guid? agencyId, Guid? tenderId, string reason) =>
        (await ApiAnswer.ReadAsync(evaluator.PostJsonAsync("/api/experts/me/conflicts", new { agencyId, tenderId, reason })))
        .Expect(HttpStatusCode.Created, "declaring a conflict");

    public static Task<ApiAnswer> DrawPanelAsync(this HttpClient purchaser, Guid tenderId, int size, IReadOnlyList<string> representatives) =>
        ApiAnswer.ReadAsync(purchaser.PostJsonAsync($"/api/evaluations/tenders/{tenderId}/panel", new { size, representatives }));

    public static Task<ApiAnswer> PanelAsync(this HttpClient reader, Guid tenderId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/evaluations/tenders/{tenderId}/panel", UriKind.Relative)));

    public static async Task<ReplayView> ReplayPanelAsync(this HttpClient auditor, Guid tenderId) =>
        (await ApiAnswer.ReadAsync(auditor.GetAsync(new Uri($"/api/evaluations/tenders/{tenderId}/panel/replay", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "replaying the draw").Json<ReplayView>();

    public static async Task ReviewBidAsync(this HttpClient member, Guid tenderId, Guid bidId, bool eligible, string? reason = null) =>
        (await ApiAnswer.ReadAsync(member.PostJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/compliance", new
        {
            eligibility = new[] { new { requirement = "Registered social organisation", met = eligible, reason } },
        }))).Expect(HttpStatusCode.OK, "reviewing a bid");

    /// <summary>Submits a sheet with the service plan and team experience scores (the evaluation scene's hand-scored criteria).</summary>
    public static Task<ApiAnswer> SubmitSheetAsync(this HttpClient member, Guid tenderId, Guid bidId, decimal servicePlan, decimal teamExperience, string? servicePlanReason = null) =>
        ApiAnswer.ReadAsync(member.PostJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets", new
        {
            scores = new object[]
            {
                new { criterion = "Service plan", points = servicePlan, comment = "Weekly visits with a named caseworker", outlierReason = servicePlanReason },
                new { criterion = "Team experience", points = teamExperience, comment = "Supervisor with eight years in elder care" },
            },
        }));

    public static Task<ApiAnswer> SheetsAsync(this HttpClient reader, Guid tenderId, Guid bidId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets", UriKind.Relative)));

    public static Task<ApiAnswer> EvaluationAsync(this HttpClient reader, Guid tenderId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/evaluations/tenders/{tenderId}", UriKind.Relative)));

    /// <summary>The problem's rule code of a refusal.</summary>
    public static string Rule(this ApiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        using var json = JsonDocument.Parse(answer.Body);
        return json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() ?? "" : "";
    }
}
