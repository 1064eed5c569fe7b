using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>A dead letter as an operator sees it; the payload stays in the database (it may carry bid content).</summary>
public sealed record DeadLetterView(
    Guid Id, string Service, Guid MessageId, string MessageType, string Consumer, string Endpoint, string Error,
    DateTimeOffset FailedAt, int Failures, DateTimeOffset? ReplayedAt, int Replays);

/// <summary>
/// The dead letters of every service database in this host (one in a distributed host, all of them in the embedded
/// one): listed, counted for readiness, and replayed to the consumer that failed on them.
/// </summary>
public sealed class DeadLetterOperations(IServiceProvider services, IEnumerable<DatabaseRegistration> databases, IBus bus, TimeProvider clock)
{
    public const string HealthCheckName = "dead-letters";

    private readonly Type[] _contexts =
    [
        .. databases.Select(d => d.ContextType).Where(t => typeof(IOutboxContext).IsAssignableFrom(t)).Distinct(),
    ];

    /// <summary>The service a context belongs to: "TenderingDb" is "tendering".</summary>
    public static string ServiceOf(Type contextType) =>
        (contextType.Name.EndsWith("Db", StringComparison.Ordinal) ? contextType.Name[..^2] : contextType.Name).ToLowerInvariant();

    public async Task<IReadOnlyList<DeadLetterView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<DeadLetterView>();
        foreach (var context in _contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (IOutboxContext)scope.ServiceProvider.GetRequiredService(context);
            var letters = await db.DeadLetters.AsNoTracking().ToListAsync(cancellationToken);
            views.AddRange(letters.Select(d => View(context, d)));
        }

        return [.. views.OrderBy(v => v.FailedAt).ThenBy(v => v.Id)];
    }

    /// <summary>How many dead letters each service's database holds, by service name.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var context in _contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (IOutboxContext)scope.ServiceProvider.GetRequiredService(context);
            counts[ServiceOf(context)] = await db.DeadLetters.CountAsync(cancellationToken);
        }

        return counts;
    }

    /// <summary>
    /// Sends the message again, with its own message id, to the queue of the consumer that failed on it. The dead letter
    /// stays until that consumer commits (then it goes in the same transaction); a replay that fails again updates it.
    /// Null when no service of this host has a dead letter with that id.
    /// </summary>
    public async Task<DeadLetterView?> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var context in _contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var db = (IOutboxContext)scope.ServiceProvider.GetRequiredService(context);
            var letter = await db.DeadLetters.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (letter is null)
            {
                continue;
            }

            var type = Type.GetType(letter.MessageType, throwOnError: true)!;
            var message = OutboxContext.ReadEvent(letter.Payload, type);

            // Recorded before the send: the consumer may commit (and remove the letter) before this method returns.
            letter.ReplayedAt = clock.GetUtcNow();
            letter.Replays++;
            await ((DbContext)db).SaveChangesAsync(cancellationToken);
            var view = View(context, letter);

            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{letter.Endpoint}"));
            await endpoint.Send(message, type, send =>
            {
                send.MessageId = letter.MessageId;
                send.Headers.Set(Delivery.ReplayHeader, letter.Id.ToString());
            }, cancellationToken);
            return view;
        }

        return null;
    }

    private static DeadLetterView View(Type context, DeadLetter d) => new(
        d.Id, ServiceOf(context), d.MessageId, d.MessageType, d.Consumer, d.Endpoint, d.Error, d.FailedAt, d.Failures, d.ReplayedAt, d.Replays);
}

/// <summary>
/// Readiness detail: the dead letters per service. Degraded (still HTTP 200, so the host stays in rotation) while any
/// exist: the host serves, but an operator owes those messages a look and a replay. Healthy when there are none.
/// </summary>
public sealed class DeadLetterHealthCheck(DeadLetterOperations operations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await operations.CountAsync(cancellationToken);
        var description = "dead letters: " + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
        var data = counts.ToDictionary(c => c.Key, c => (object)c.Value);
        return counts.Values.Sum() == 0
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Degraded(description + " (replay: POST /api/operations/dead-letters/{id}/replay)", data: data);
    }
}

public static class DeadLetterEndpoints
{
    /// <summary>
    /// <c>GET /api/operations/dead-letters</c> and <c>POST /api/operations/dead-letters/{id}/replay</c>, for admins.
    /// Every host maps them for its own databases (the gateway does not route them: in the distributed mode an operator
    /// calls each service's own address).
    /// </summary>
    public static RouteGroupBuilder? MapDeadLetterEndpoints(this IEndpointRouteBuilder routes)
    {
        // Only a host with a bus and databases has dead letters (not the gateway).
        if (routes.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(DeadLetterOperations)) != true)
        {
            return null;
        }

        var group = routes.MapGroup("/api/operations/dead-letters").WithTags("Operations").RequireAuthorization(Roles.Admin);
        group.MapGet("/", List)
            .WithName("ListDeadLetters").WithSummary("Messages a consumer of this host still failed on after every retry, oldest first.");
        group.MapPost("/{id:guid}/replay", Replay)
            .WithName("ReplayDeadLetter").WithSummary("Sends a dead-lettered message again to the consumer that failed on it; 202 with the dead letter.");
        return group;
    }

    private static async Task<IResult> List([FromServices] DeadLetterOperations operations, CancellationToken cancellationToken) =>
        Results.Ok(await operations.ListAsync(cancellationToken));

    private static async Task<IResult> Replay(Guid id, [FromServices] DeadLetterOperations operations, CancellationToken cancellationToken) =>
        Results.Accepted(value: await operations.ReplayAsync(id, cancellationToken)
            ?? throw new NotFoundException(ProblemMessages.Get("dead_letter"), id));
}
