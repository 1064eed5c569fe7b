using Procurement.Contracts.Bidding;
using Procurement.Contracts.Contracting;
using Procurement.Contracts.Disbursement;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Identity;
using Procurement.Contracts.Tendering;

namespace Procurement.Contracts.OpenData;

/// <summary>
/// What the open data is made of (issue 18 item 2): the events each service raises that Tendering's open data writes
/// releases from. A service's <em>history</em> is every such event in its outbox, sent once more after an upgrade
/// (<see cref="OpenDataHistoryPart"/>, <see cref="OpenDataHistoryEnd"/>), so that a process that changed before the open
/// data existed, or before it read an event, gets its releases too (the backfill).
/// </summary>
public static class OpenDataFeeds
{
    /// <summary>
    /// The history's version: raise it when the open data starts reading an event it did not read before, and every
    /// service sends its history once more at its next start (what was written already is not written twice).
    /// </summary>
    public const int HistoryVersion = 1;

    /// <summary>The events each service sends in its history, by the service's name (its database's, lower case).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Type>> BySource { get; } = new Dictionary<string, IReadOnlyList<Type>>(StringComparer.Ordinal)
    {
        ["identity"] = [typeof(AgencyRegistered), typeof(OrganisationsListed)],
        ["tendering"] = [typeof(TenderPublished), typeof(TenderAmended), typeof(TenderClarified), typeof(TenderDocumentAdded), typeof(TenderCancelled)],
        ["bidding"] = [typeof(BidsOpened)],
        ["evaluation"] = [typeof(TenderFailed), typeof(AwardPublished), typeof(AwardConfirmed), typeof(PerformanceEvaluated)],
        ["contracting"] = [typeof(ContractSigned), typeof(ContractAmended), typeof(ContractEnded), typeof(ContractStateChanged)],
        ["disbursement"] = [typeof(InstalmentPaid)],
    };
}

/// <summary>One event a service raised, as its outbox kept it: its message id, type name, JSON and when it was raised.</summary>
/// <param name="MessageId">The event's message id (its outbox row's id): the open data's consumers recognise it.</param>
/// <param name="MessageType">"Namespace.Type, Assembly", as the outbox stores it.</param>
/// <param name="Payload">The event as JSON, as the outbox stores it.</param>
/// <param name="OccurredAt">When it was raised (UTC): the backfill writes the history in this order.</param>
public sealed record PastEvent(Guid MessageId, string MessageType, string Payload, DateTimeOffset OccurredAt);

/// <summary>A part of a service's history (<see cref="OpenDataFeeds"/>), oldest first; read by Tendering's open data only.</summary>
/// <param name="Source">The service: a key of <see cref="OpenDataFeeds.BySource"/>.</param>
/// <param name="RunId">One sending of the history; its <see cref="OpenDataHistoryEnd"/> names the same.</param>
/// <param name="Part">The part's number in the run, from 1.</param>
/// <param name="Events">The part's events, oldest first.</param>
/// <param name="SentAt">When the part was raised (UTC).</param>
public sealed record OpenDataHistoryPart(string Source, Guid RunId, int Part, IReadOnlyList<PastEvent> Events, DateTimeOffset SentAt);

/// <summary>
/// The end of a service's history: how many parts the run sent. The backfill waits until every service's history has ended
/// and all its parts have arrived, then writes the releases in the order the events happened, whichever service raised them.
/// </summary>
/// <param name="Source">The service: a key of <see cref="OpenDataFeeds.BySource"/>.</param>
/// <param name="RunId">The run, as its parts name it.</param>
/// <param name="Version">The <see cref="OpenDataFeeds.HistoryVersion"/> the service sent.</param>
/// <param name="Parts">How many parts the run sent (0 for a service that raised none of its events yet).</param>
/// <param name="Events">How many events the parts hold.</param>
/// <param name="SentAt">When the end was raised (UTC).</param>
public sealed record OpenDataHistoryEnd(string Source, Guid RunId, int Version, int Parts, int Events, DateTimeOffset SentAt);
