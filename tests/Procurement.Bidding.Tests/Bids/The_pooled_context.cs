using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain.Bids;

namespace Procurement.Bidding.Tests.Bids;

/// <summary>
/// Bidding's context is pooled (a rented instance serves one request after another): what one request leaves on it —
/// a commit check it never ran, unseal records of a save that failed, tracked entities — does not reach the next.
/// </summary>
public sealed class The_pooled_context : IAsyncLifetime
{
    private BidBed _bed = null!;

    public async Task InitializeAsync() => _bed = await BidBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task The_next_request_gets_the_same_instance_without_the_state_the_last_one_left()
    {
        await _bed.AgencyAsync(BidBed.CodeA, "440305199001011010", "440305199001011029", "440305199001011037");
        var checks = 0;
        BiddingDb first;
        await using (var scope = _bed.Api.Host.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<BiddingDb>();
            first.CommitCheck = _ =>
            {
                checks++;
                return Task.CompletedTask;
            };
            first.ChainOnSave([new UnsealRecord(
                _bed.Tender.TenderId, Guid.NewGuid(), 1, "someone", null, UnsealPurpose.OwnerRead, "left behind", BiddingApi.Now, new string('0', 64))]);
            (await first.Agencies.AsTracking().ToListAsync()).Should().NotBeEmpty();
        }

        // The pool hands its instances out in turn (the host's own services rent them too): rent until the first comes back.
        for (var rented = 0; rented < 100; rented++)
        {
            await using var scope = _bed.Api.Host.Services.CreateAsyncScope();
            var second = scope.ServiceProvider.GetRequiredService<BiddingDb>();
            if (!ReferenceEquals(second, first))
            {
                continue;
            }

            second.CommitCheck.Should().BeNull("the check belonged to the request that set it");
            second.ChangeTracker.Entries().Should().BeEmpty("EF Core resets its own state");
            var chainedBefore = await second.UnsealAudit.CountAsync();
            await second.SaveChangesAsync();
            (await second.UnsealAudit.CountAsync()).Should().Be(chainedBefore, "no unseal record of the last request was chained");
            checks.Should().Be(0);
            return;
        }

        Assert.Fail("The context is not pooled: the instance of the first request never came back.");
    }
}
