using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Awards.Scheduling;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Evaluation.Tests.BidEvaluation;

/// <summary>
/// Issue 16 item 11: Evaluation no longer messages itself. The step that completes the ranking recommends the award in the
/// same save; <c>EvaluationCompleted</c> still goes out for other services, but nothing in Evaluation waits for it.
/// </summary>
public sealed class The_award_is_recommended_in_the_rankings_own_transaction : IAsyncLifetime
{
    private EvaluationHost _api = null!;

    public async Task InitializeAsync() => _api = await EvaluationHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<HttpResponseMessage> SheetAsync(Guid tenderId, Guid bidId, string member, decimal plan) =>
        _api.Member(member).PostAsJsonAsync($"/api/evaluations/tenders/{tenderId}/bids/{bidId}/sheets", new
        {
            scores = new object[]
            {
                new { criterion = "Service plan", points = plan, comment = "Weekly visits" },
                new { criterion = "Staff experience", points = 8m, comment = "Two good years" },
            },
        });

    [Fact]
    public async Task The_last_sheet_leaves_the_ranking_and_the_recommended_award_with_no_message_consumed_between()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 2);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m), EvaluationHost.Bid(1, 450_000m));
        var members = await _api.DrawAsync(tenderId);
        foreach (var bid in bids)
        {
            (await _api.PassAsync(tenderId, bid.BidId, members[0])).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Agency 2 scores higher on the plan: 450000 → 26.67 + 56 + 8 = 90.67 against 400000 → 30 + 50 + 8 = 88.
        foreach (var member in members)
        {
            (await SheetAsync(tenderId, bids[0].BidId, member, 50m)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await SheetAsync(tenderId, bids[1].BidId, members[0], 56m)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await SheetAsync(tenderId, bids[1].BidId, members[1], 56m)).StatusCode.Should().Be(HttpStatusCode.Created);

        var last = await SheetAsync(tenderId, bids[1].BidId, members[2], 56m);
        last.StatusCode.Should().Be(HttpStatusCode.Created, await last.Content.ReadAsStringAsync());

        var award = await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}/award");
        award.StatusCode.Should().Be(HttpStatusCode.OK, await award.Content.ReadAsStringAsync());
        var view = await EvaluationHost.JsonAsync(award);
        view.GetProperty("status").GetString().Should().Be("Recommended");
        view.GetProperty("recommendedBidId").GetGuid().Should().Be(bids[1].BidId);
        (await EvaluationHost.JsonAsync(await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}")))
            .GetProperty("stage").GetString().Should().Be("Completed");

        // The award is there as the sheet's answer arrives, and no consumer in Evaluation has taken the ranking's message:
        // the award came from the sheet's own commit, not from a message to ourselves.
        await using var scope = _api.Host.Services.CreateAsyncScope();
        var db = (IOutboxContext)scope.ServiceProvider.GetRequiredService<EvaluationDb>();
        var type = OutboxMessage.TypeName(typeof(EvaluationCompleted));
        var announced = await db.OutboxMessages.Where(m => m.MessageType == type).Select(m => m.Id).ToListAsync();
        announced.Should().ContainSingle("the ranking is still announced, for other services");
        (await db.InboxMessages.CountAsync(i => announced.Contains(i.MessageId))).Should().Be(0);
    }

    [Fact]
    public async Task An_evaluation_completed_before_the_upgrade_without_its_award_gets_it_at_start_up_and_no_other_does()
    {
        var tenderId = await _api.PublishTenderAsync(minimumValidBids: 1);
        var bids = await _api.OpenAsync(tenderId, EvaluationHost.Bid(0, 400_000m));
        var members = await _api.DrawAsync(tenderId);
        (await _api.PassAsync(tenderId, bids[0].BidId, members[0])).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var member in members)
        {
            (await SheetAsync(tenderId, bids[0].BidId, member, 50m)).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        var catchUp = _api.Host.Services.GetServices<IHostedService>().OfType<MissedRecommendations>().Single();
        await catchUp.StartAsync(CancellationToken.None);
        await using (var scope = _api.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
            (await db.Set<Award>().CountAsync(a => a.TenderId == tenderId)).Should().Be(1, "an evaluation with its award is left alone");

            // As a database from before the upgrade: the ranking saved, its award still to come from the removed self-message.
            await db.Set<Award>().Where(a => a.TenderId == tenderId).ExecuteDeleteAsync();
        }

        await catchUp.StartAsync(CancellationToken.None);

        var award = await _api.Purchaser().GetAsync($"/api/evaluations/tenders/{tenderId}/award");
        award.StatusCode.Should().Be(HttpStatusCode.OK, await award.Content.ReadAsStringAsync());
        var view = await EvaluationHost.JsonAsync(award);
        view.GetProperty("status").GetString().Should().Be("Recommended");
        view.GetProperty("recommendedBidId").GetGuid().Should().Be(bids[0].BidId);
    }

    [Fact]
    public void No_consumer_in_Evaluation_takes_EvaluationCompleted()
    {
        // The award was its only consumer (a message to itself); other services may consume it, Evaluation does not.
        static bool Consumes<T>(Type type) where T : class => typeof(IConsumer<T>).IsAssignableFrom(type);
        var types = typeof(EvaluationModule).Assembly.GetTypes();

        types.Where(Consumes<EvaluationCompleted>).Should().BeEmpty();
        types.Where(Consumes<TenderPublished>).Should().NotBeEmpty("the check reads the service's real consumers");
    }
}
