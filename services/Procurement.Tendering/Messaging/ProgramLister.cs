using Microsoft.EntityFrameworkCore;
using Procurement.Contracts.Tendering;
using Procurement.ServiceDefaults.Messaging;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.Messaging;

/// <summary>
/// At each start, lists every service program's region and service domain (<see cref="ServiceProgramsListed"/>), through
/// the outbox like any change: a copy made before it kept them (Contracting's, for the public contract list's filters) is
/// filled in after an upgrade. It runs after the databases were migrated, before the host serves.
/// </summary>
internal sealed class ProgramLister(IServiceProvider services) : IHostedService
{
    /// <summary>Programs per message: a district has hundreds, a message stays small.</summary>
    internal const int PartSize = 500;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenderingDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PurchasingUnitId, p.Region, p.ServiceDomain, p.Version })
            .ToListAsync(cancellationToken);
        foreach (var part in programs.Chunk(PartSize))
        {
            db.Raise(new ServiceProgramsListed(
                [.. part.Select(p => new ListedServiceProgram(p.Id, p.PurchasingUnitId, p.Region, p.ServiceDomain.ToString(), p.Version))], now));
        }

        if (programs.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
