namespace Procurement.ServiceDefaults.Messaging;

/// <summary>The delivery policy every host's bus shares: retries, then a durable dead letter, replayable by an operator.</summary>
public static class Delivery
{
    /// <summary>Retries after the first attempt, with exponential back-off (<see cref="RetryOptions"/>); the consumer dead-letters at the last.</summary>
    public const int RetryLimit = 5;

    /// <summary>The header an operator's replay carries (the dead letter's id): only such a delivery runs a dead-lettered message again.</summary>
    public const string ReplayHeader = "Procurement-Replay-Of";

    /// <summary>The queue (receive endpoint) name of an input address, whatever the transport: its last path segment.</summary>
    public static string EndpointName(Uri? inputAddress) =>
        inputAddress?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
}
