using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.Data;

/// <summary>
/// Evaluation's own database. Until its capabilities land it holds the outbox and inbox every service has,
/// so the service already takes part in the platform's messaging and health checks.
/// </summary>
public sealed class EvaluationDb(DbContextOptions<EvaluationDb> options) : ServiceDbContext(options);

/// <summary>For <c>dotnet ef</c>: the SQL Server model, without a server.</summary>
public sealed class EvaluationDbDesignTimeFactory : SqlServerDesignTimeFactory<EvaluationDb>;
