using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a service's context for SQL Server without a server, so migrations are
/// generated and checked offline (<c>dotnet ef migrations has-pending-model-changes</c>).
/// </summary>
public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => Create(typeof(TContext).Name);

    /// <summary>A context on SQL Server options with a placeholder connection string (never opened).</summary>
    public static TContext Create(string databaseName)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseExtensions.UseProvider(options, DatabaseExtensions.SqlServer,
            $"Server=localhost;Database={databaseName};Trusted_Connection=True;TrustServerCertificate=True");
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
