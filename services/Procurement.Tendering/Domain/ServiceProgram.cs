using Procurement.Contracts.Tendering;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Tendering.Domain;

/// <summary>
/// A standing public need (服务项目) that lasts for years and is funded by one contract after another.
/// It belongs to the purchasing unit that created it.
/// </summary>
public sealed class ServiceProgram : IRecordsEvents
{
    private readonly PendingEvents _events = new();

    private ServiceProgram()
    {
    }

    /// <inheritdoc/>
    public PendingEvents PendingEvents() => _events;

    public Guid Id { get; private set; }

    public Guid PurchasingUnitId { get; private set; }

    public string Name { get; private set; } = "";

    public string Region { get; private set; } = "";

    public ServiceDomain ServiceDomain { get; private set; }

    public DateOnly ActiveFrom { get; private set; }

    public DateOnly? ActiveUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    public static ServiceProgram Create(
        Guid purchasingUnitId, string name, string region, ServiceDomain domain, DateOnly activeFrom, DateOnly? activeUntil, DateTimeOffset now)
    {
        if (activeUntil is { } until && until < activeFrom)
        {
            throw new RuleViolationException("program_span_reversed", "activeUntil", activeFrom, until);
        }

        var program = new ServiceProgram
        {
            Id = Guid.CreateVersion7(),
            PurchasingUnitId = purchasingUnitId,
            Name = name.Trim(),
            Region = region.Trim(),
            ServiceDomain = domain,
            ActiveFrom = activeFrom,
            ActiveUntil = activeUntil,
            CreatedAt = now,
            Version = 1,
        };
        program._events.Record(new ServiceProgramCreated(
            program.Id, program.PurchasingUnitId, program.Name, program.Region, program.ServiceDomain.ToString(),
            program.ActiveFrom, program.ActiveUntil, program.CreatedAt));
        return program;
    }

    /// <summary>The program's active span holds the service period <paramref name="start"/>..<paramref name="end"/>.</summary>
    public bool Spans(DateOnly start, DateOnly end) => start >= ActiveFrom && (ActiveUntil is not { } until || end <= until);

    /// <summary>
    /// The purchaser edits the program. The span must still hold the service period of every tender
    /// that is not cancelled (<paramref name="tenderPeriods"/>), else 422 <c>program_span_excludes_tenders</c>.
    /// Records <see cref="ServiceProgramRevised"/> at <paramref name="now"/>.
    /// </summary>
    public void Revise(
        string name, string region, ServiceDomain domain, DateOnly activeFrom, DateOnly? activeUntil,
        IReadOnlyCollection<(DateOnly Start, DateOnly End)> tenderPeriods, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tenderPeriods);
        if (activeUntil is { } until && until < activeFrom)
        {
            throw new RuleViolationException("program_span_reversed", "activeUntil", activeFrom, until);
        }

        var outside = tenderPeriods.Where(p => p.Start < activeFrom || (activeUntil is { } last && p.End > last)).ToList();
        if (outside.Count > 0)
        {
            throw new RuleViolationException(
                "program_span_excludes_tenders", "activeFrom", outside.Count, outside.Min(p => p.Start), outside.Max(p => p.End));
        }

        Name = name.Trim();
        Region = region.Trim();
        ServiceDomain = domain;
        ActiveFrom = activeFrom;
        ActiveUntil = activeUntil;
        Version++;
        _events.Record(new ServiceProgramRevised(Id, PurchasingUnitId, Name, Region, ServiceDomain.ToString(), ActiveFrom, ActiveUntil, Version, now));
    }
}
