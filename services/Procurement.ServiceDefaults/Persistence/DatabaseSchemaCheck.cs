using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>The databases that start-up could not bring to the current schema, and why.</summary>
public sealed class DatabaseSchemaStatus
{
    private readonly ConcurrentDictionary<Type, string> _refusals = new();

    public void Refuse(Type contextType, string reason) => _refusals[contextType] = reason;

    public string? RefusalOf(Type contextType) => _refusals.GetValueOrDefault(contextType);
}

/// <summary>
/// Readiness of one service's database: it answers, start-up did not refuse or fail to migrate it, and no
/// migration of its provider is pending (a schema behind the code would answer 500s).
/// </summary>
public sealed class DatabaseSchemaCheck<TContext>(TContext context, DatabaseSchemaStatus status, string service) : IHealthCheck
    where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext healthContext, CancellationToken cancellationToken = default)
    {
        if (status.RefusalOf(typeof(TContext)) is { } refusal)
        {
            return HealthCheckResult.Unhealthy($"{service} database: {refusal}");
        }

        try
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy($"{service} database: schema up to date")
                : HealthCheckResult.Unhealthy($"{service} database: {pending.Count} pending migration(s): {string.Join(", ", pending)}; restart the host to apply them");
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{service} database does not answer: {exception.Message}", exception);
        }
    }
}
