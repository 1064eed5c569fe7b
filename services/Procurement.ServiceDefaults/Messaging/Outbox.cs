namespace Procurement.ServiceDefaults.Messaging;

public static class Outbox
{
    /// <summary>The activity source the dispatchers continue a request's trace with.</summary>
    public const string ActivitySourceName = "Procurement.Outbox";
}
