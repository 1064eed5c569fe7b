using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build a service's context without a host or a database, for either provider: SQL Server
/// by default, SQLite when asked by <c>-- --provider Sqlite</c> or <c>PROCUREMENT_EF_PROVIDER=Sqlite</c>. Each
/// provider sees only its own migration set (<see cref="ProviderMigrationsAssembly"/>), so
/// <c>dotnet ef migrations add</c> and <c>has-pending-model-changes</c> work offline for both.
/// </summary>
public abstract class ServiceDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public const string ProviderVariable = "PROCUREMENT_EF_PROVIDER";

    public TContext CreateDbContext(string[] args) => Create(ProviderFrom(args), typeof(TContext).Name);

    /// <summary>A context on the provider's options with a placeholder connection (never opened).</summary>
    public static TContext Create(string provider, string databaseName) =>
        ContextFactory.Create<TContext>(provider, provider == DatabaseExtensions.Sqlite
            ? $"Data Source={databaseName}.design-time.db"
            : $"Server=localhost;Database={databaseName};Trusted_Connection=True;TrustServerCertificate=True");

    /// <summary><c>--provider X</c> among the arguments after <c>--</c>, else the environment variable, else SQL Server.</summary>
    public static string ProviderFrom(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == "--provider")
            {
                return args[i + 1];
            }
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(ProviderVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DatabaseExtensions.SqlServer : fromEnvironment;
    }
}

/// <summary>The SQL Server model of a context, without a server (for tests that check its create script).</summary>
public static class SqlServerDesignTimeFactory<TContext>
    where TContext : DbContext
{
    public static TContext Create(string databaseName) =>
        ServiceDesignTimeFactory<TContext>.Create(DatabaseExtensions.SqlServer, databaseName);
}
