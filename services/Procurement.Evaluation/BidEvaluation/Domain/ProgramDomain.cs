namespace Procurement.Evaluation.BidEvaluation.Domain;

/// <summary>A service program's domain, kept from Tendering's program events: tender events carry the program, not its domain.</summary>
public sealed class ProgramDomain
{
    private ProgramDomain()
    {
        ServiceDomain = "";
    }

    public Guid ProgramId { get; private set; }

    public string ServiceDomain { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ProgramDomain Of(Guid programId, string serviceDomain, DateTimeOffset at) =>
        new() { ProgramId = programId, ServiceDomain = serviceDomain, UpdatedAt = at };

    public void Revise(string serviceDomain, DateTimeOffset at)
    {
        ServiceDomain = serviceDomain;
        UpdatedAt = at;
    }
}
