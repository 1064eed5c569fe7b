using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.Data;

/// <summary>
/// Evaluation's own database. Each part of the service (the expert pool and panels, scoring and ranking,
/// awards, performance evaluations) keeps its entities' mapping in its own <see cref="IEntityTypeConfiguration{TEntity}"/>
/// classes in this assembly; they are all applied here.
/// </summary>
public sealed class EvaluationDb(DbContextOptions<EvaluationDb> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EvaluationDb).Assembly);
    }
}

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class EvaluationDbDesignTimeFactory : ServiceDesignTimeFactory<EvaluationDb>;
