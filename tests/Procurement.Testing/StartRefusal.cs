using Microsoft.AspNetCore.Builder;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Testing;

/// <summary>For hosts that must refuse to start (a check at build or at start throws): why they refused.</summary>
public static class StartRefusal
{
    /// <summary>Builds, prepares the databases of and starts the host <paramref name="build"/> makes; returns the refusal's message.</summary>
    public static async Task<string> ReasonAsync(Func<WebApplication> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        WebApplication? app = null;
        try
        {
            app = build();
            await app.InitialiseDatabasesAsync();
            await app.StartAsync();
        }
        catch (InvalidOperationException refusal)
        {
            return refusal.Message;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DatabaseExtensions.ReleaseSqliteFiles();
        }

        throw new Xunit.Sdk.XunitException("The host started; it should have refused.");
    }
}
