using Microsoft.EntityFrameworkCore;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>A service's context outside DI: for <c>dotnet ef</c>, and for a scratch copy of a schema.</summary>
public static class ContextFactory
{
    public static TContext Create<TContext>(string provider, string connectionString)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DatabaseExtensions.UseProvider(options, provider, connectionString);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
