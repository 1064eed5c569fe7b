using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Bidding.Data;
using Procurement.Contracting.Data;
using Procurement.Contracts.Identity;
using Procurement.Disbursement.Data;
using Procurement.Evaluation.BidEvaluation.Domain;
using Procurement.Evaluation.Data;
using Procurement.Identity.Data;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Tendering.Data;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests;

/// <summary>
/// Issue 14 item 4 on the embedded platform: what Identity raises in its own database reaches every service. A user's
/// ended access (<see cref="UserAccessRevoked"/>) is kept by every service database, and Tendering and Bidding refuse the
/// user's earlier tokens at once (401) while accepting those issued after; an evaluator who joins the expert pool
/// (<see cref="ExpertJoinedPool"/>) is an expert of Evaluation that a panel can draw.
/// </summary>
public sealed class Identitys_directory_events_reach_every_service : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await EmbeddedPlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_revoked_users_earlier_token_gets_401_at_Tendering_and_Bidding_and_a_later_one_200()
    {
        var user = Guid.NewGuid();
        var revokedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var before = TestTokens.For(_platform.Host.Services, Roles.Agency, Guid.NewGuid(), userId: user.ToString(), issuedAt: revokedAt.AddMinutes(-10));
        var after = TestTokens.For(_platform.Host.Services, Roles.Agency, Guid.NewGuid(), userId: user.ToString(), issuedAt: revokedAt.AddSeconds(1));
        (await StatusAsync("/api/tenders/method-rules", before)).Should().Be(HttpStatusCode.OK, "nothing is revoked yet");

        await InIdentityAsync(async db =>
        {
            db.Raise(new UserAccessRevoked(user, "deactivated", revokedAt));
            return await db.SaveChangesAsync();
        });
        foreach (var context in (Type[])[typeof(IdentityDb), typeof(TenderingDb), typeof(BiddingDb), typeof(EvaluationDb), typeof(ContractingDb), typeof(DisbursementDb)])
        {
            await Poll.UntilAsync(() => RevokedInAsync(context, user.ToString()), $"the revocation kept in {context.Name}", TimeSpan.FromSeconds(30));
        }

        (await StatusAsync("/api/tenders/method-rules", before)).Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync("/api/bids/open-tenders", before)).Should().Be(HttpStatusCode.Unauthorized);
        (await StatusAsync("/api/tenders/method-rules", after)).Should().Be(HttpStatusCode.OK);
        (await StatusAsync("/api/bids/open-tenders", after)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_evaluator_who_joins_the_pool_is_listed_by_Evaluation_and_can_be_drawn()
    {
        var user = Guid.NewGuid();
        await InIdentityAsync(async db =>
        {
            db.Raise(new ExpertJoinedPool(user, Guid.NewGuid(), "吴十 Wu Shi", ["CommunityBuilding"], DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });

        JsonElement? listed = null;
        await Poll.UntilAsync(async () =>
        {
            using var client = _platform.CreateClient().WithToken(TestTokens.For(_platform.Host.Services, Roles.Admin, Guid.NewGuid()));
            var experts = await client.GetFromJsonAsync<JsonElement[]>("/api/experts");
            listed = experts!.Cast<JsonElement?>().FirstOrDefault(e => e!.Value.GetProperty("id").GetGuid() == user);
            return listed is not null;
        }, "the expert in GET /api/experts", TimeSpan.FromSeconds(30));

        listed!.Value.GetProperty("evaluatorUserId").GetString().Should().Be(user.ToString());
        listed.Value.GetProperty("available").GetBoolean().Should().BeTrue();
        await using var scope = _platform.Host.Services.CreateAsyncScope();
        var pool = await scope.ServiceProvider.GetRequiredService<EvaluationDb>().Set<Expert>().AsNoTracking().ToListAsync();
        PanelCandidates.Eligible(pool, [], "CommunityBuilding", Guid.NewGuid(), new HashSet<Guid>(), DateOnly.FromDateTime(DateTime.UtcNow), EvaluationRules.Default)
            .Select(e => e.Id).Should().Contain(user, "a panel of the expert's domain can draw them");
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string token)
    {
        using var client = _platform.CreateClient().WithToken(token);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private async Task<bool> RevokedInAsync(Type context, string userId)
    {
        await using var scope = _platform.Host.Services.CreateAsyncScope();
        var db = (IOutboxContext)scope.ServiceProvider.GetRequiredService(context);
        return await db.RevokedUsers.AnyAsync(r => r.UserId == userId);
    }

    private async Task<T> InIdentityAsync<T>(Func<IdentityDb, Task<T>> change)
    {
        await using var scope = _platform.Host.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }
}
