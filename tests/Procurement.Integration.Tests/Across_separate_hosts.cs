using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Procurement.Testing.Platform;
using Xunit.Abstractions;

namespace Procurement.Integration.Tests;

/// <summary>
/// The first slice through the gateway, with Identity, Tendering, Bidding and the other services each in a
/// host of its own, the event crossing the real RabbitMQ.
/// </summary>
public sealed class Across_separate_hosts(DistributedPlatformFixture fixture, ITestOutputHelper output) : IClassFixture<DistributedPlatformFixture>
{
    private DistributedPlatform Platform => fixture.Platform;

    private static NewTender TenderFor(Guid programId, string title, DateTimeOffset bidDeadline)
    {
        var serviceStart = new DateOnly(bidDeadline.Year, bidDeadline.Month, 1).AddMonths(1);
        return NewTender.Standard(programId, title, 480_000.00m, bidDeadline, serviceStart, serviceStart.AddYears(1).AddDays(-1));
    }

    private static DateTimeOffset BidsDueInDays(int days) =>
        SliceApi.BeijingTime(SliceApi.BeijingToday().AddDays(days), new TimeOnly(17, 0));

    [BrokerFact]
    public async Task The_first_slice_crosses_separate_hosts_over_rabbitmq()
    {
        using var purchaser = await Platform.SignedInClientAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync("Home care for elders, Street X", "Demo District");
        var deadline = BidsDueInDays(25);
        var title = $"Elder care {Guid.NewGuid():N}"[..24];
        var tenderId = await purchaser.DraftTenderAsync(TenderFor(programId, title, deadline));
        await purchaser.PublishTenderAsync(tenderId);

        using var agency = await Platform.SignedInClientAsync("agency1");
        var seen = await agency.WaitForOpenTenderAsync(tenderId);

        seen.Should().NotBeNull("the published tender reaches Bidding over RabbitMQ within {0}", SliceApi.DeliveryTimeout);
        seen!.Title.Should().Be(title);
        seen.BudgetCeiling.Should().Be(480_000.00m);
        seen.BidDeadline.Should().Be(deadline);
        seen.TimeZone.Should().Be("Asia/Shanghai");
        seen.BidDeadlineLocal.Should().EndWith("+08:00");
        var local = DateTimeOffset.Parse(seen.BidDeadlineLocal, System.Globalization.CultureInfo.InvariantCulture);
        local.DateTime.Should().Be(seen.BidDeadline.UtcDateTime.AddHours(8));
        local.TimeOfDay.Should().Be(new TimeSpan(17, 0, 0));
        seen.ProcurementMethod.Should().Be(StandardTenderContent.Method);
        seen.Staffing.Should().Be(new StaffingView(3, 1, 1));
        seen.Eligibility.Should().Equal(StandardTenderContent.Eligibility);

        // An agency may neither draft nor publish a tender.
        using (var agencyDrafts = await agency.SendTenderAsync(TenderFor(programId, "An agency's own tender", deadline)))
        {
            agencyDrafts.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        var draftId = await purchaser.DraftTenderAsync(TenderFor(programId, "Still a draft", deadline));
        using (var agencyPublishes = await agency.SendPublishAsync(draftId))
        {
            agencyPublishes.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        // Nobody signed in: the gateway asks for a token.
        using var anonymous = Platform.CreateClient();
        using (var anonymousLooks = await anonymous.GetAsync(new Uri("/api/bids/open-tenders", UriKind.Relative)))
        {
            anonymousLooks.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using (var anonymousDrafts = await anonymous.SendTenderAsync(TenderFor(programId, "Anonymous", deadline)))
        {
            anonymousDrafts.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        // A malformed tender is sent back naming every bad field.
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        using var malformed = await purchaser.SendTenderAsync(new NewTender(
            null, "", -5.00m, yesterday, new DateOnly(2027, 1, 1), new DateOnly(2026, 1, 1)));
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await malformed.ReadJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().Should().Be("urn:procurement:problem:validation");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should()
            .BeEquivalentTo("programId", "title", "budgetCeiling", "bidDeadline", "serviceEnd");
    }

    [BrokerFact]
    public async Task The_trace_of_the_publish_request_continues_in_the_consumer_on_the_other_host()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var captured = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Procurement.Outbox" or "MassTransit" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    captured.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var purchaser = await Platform.SignedInClientAsync("purchaser");
        var programId = await purchaser.CreateProgramAsync("Family support, Street T", "Demo District", "Family");
        // 25 days, not 20: after 17:00 in Beijing, 17:00 twenty days on is less than the public tender's 20 days away.
        var tenderId = await purchaser.DraftTenderAsync(TenderFor(programId, "Traced tender", BidsDueInDays(25)));

        // The caller starts the trace: its W3C traceparent goes to the gateway with the publish request, as
        // written (this client's handler injects no header of its own).
        using var caller = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = Platform.Gateway.BaseAddress };
        caller.DefaultRequestHeaders.Authorization = purchaser.DefaultRequestHeaders.Authorization;
        using var publish = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tenders/{tenderId}/publish", UriKind.Relative));
        publish.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using (var response = await caller.SendAsync(publish))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var agency = await Platform.SignedInClientAsync("agency1");
        (await agency.WaitForOpenTenderAsync(tenderId)).Should().NotBeNull();

        // The consume activity stops once the consumer has committed; give it a moment past the commit.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!captured.Any(IsTenderPublishedConsume) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var names = string.Join(", ", captured.Select(a => $"{a.Source.Name}:{a.DisplayName}({a.Kind})"));
        foreach (var activity in captured)
        {
            output.WriteLine($"{activity.Source.Name} {activity.Kind} {activity.DisplayName} {string.Join(" ", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))}");
        }

        captured.Should().Contain(a => IsTenderPublishedConsume(a), "Bidding's consumer continues the caller's trace; seen in it: {0}", names);
        captured.Should().Contain(a => a.Source.Name == "Procurement.Outbox", "Tendering's outbox publishes within the trace; seen: {0}", names);
        captured.Where(a => a.Source.Name == "Microsoft.AspNetCore").Should().HaveCountGreaterThanOrEqualTo(2,
            "the gateway and Tendering both served the request within the trace; seen: {0}", names);
    }

    /// <summary>Bidding's TenderPublishedConsumer handling the message on this platform's own queue.</summary>
    private bool IsTenderPublishedConsume(Activity activity) =>
        activity.Source.Name == "MassTransit"
        && activity.Kind == ActivityKind.Consumer
        && activity.DisplayName.StartsWith(Platform.RabbitMq.QueuePrefix + "-procurement-bidding-", StringComparison.Ordinal)
        && activity.GetTagItem("messaging.masstransit.consumer_type") as string == "Procurement.Bidding.Messaging.TenderPublishedConsumer"
        && (activity.GetTagItem("messaging.masstransit.message_types") as string)?.EndsWith(":TenderPublished", StringComparison.Ordinal) == true;
}
