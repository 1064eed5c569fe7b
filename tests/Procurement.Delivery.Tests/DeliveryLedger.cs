using System.Reflection;
using Microsoft.Data.Sqlite;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.Delivery.Tests;

/// <summary>One consumer of the platform: its name as its inbox records it, the message it takes and its database file.</summary>
public sealed record Consumer(string Name, string MessageType, string DatabaseFile);

/// <summary>An outbox row some consumer has neither in its inbox nor in its dead letters.</summary>
public sealed record MissingDelivery(string Outbox, Guid MessageId, string MessageType, string Consumer);

/// <summary>
/// Reads a data folder's SQLite files as they are on disk and compares every outbox row with the inbox (and dead
/// letters) of every consumer of its type. Consumers are found by reflection over the service assemblies, not from
/// the host's own registrations, so that a consumer the host forgot still counts.
/// </summary>
public static class DeliveryLedger
{
    public static IReadOnlyList<Assembly> ServiceAssemblies { get; } =
    [
        typeof(Procurement.Identity.IdentityModule).Assembly,
        typeof(Procurement.Tendering.TenderingModule).Assembly,
        typeof(Procurement.Bidding.BiddingModule).Assembly,
        typeof(Procurement.Evaluation.EvaluationModule).Assembly,
        typeof(Procurement.Contracting.ContractingModule).Assembly,
        typeof(Procurement.Disbursement.DisbursementModule).Assembly,
    ];

    /// <summary>
    /// Every concrete consumer class of the service assemblies, and the one every service database gets from ServiceDefaults
    /// (<see cref="Procurement.ServiceDefaults.Security.UserAccessRevokedConsumer{TContext}"/> of each database with an outbox).
    /// </summary>
    public static IEnumerable<Type> ConsumerTypes() =>
        ServiceAssemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(MassTransit.IConsumer).IsAssignableFrom(t))
            .Concat(ServiceAssemblies.SelectMany(a => a.GetTypes())
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IOutboxContext).IsAssignableFrom(t)
                    && typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(t))
                .Select(t => typeof(Procurement.ServiceDefaults.Security.UserAccessRevokedConsumer<>).MakeGenericType(t)));

    public static IReadOnlyList<Consumer> Consumers() =>
    [
        .. ConsumerTypes().Select(t => ConsumerDirectory.Describe(t)
                ?? throw new InvalidOperationException($"{t.FullName} is not an IdempotentConsumer"))
            .Select(e => new Consumer(e.Consumer, OutboxMessage.TypeName(e.MessageType), DatabaseFile(e.ContextType))),
    ];

    /// <summary>The file a service's context lives in: TenderingDb in tendering.db (AddServiceDatabase names it so).</summary>
    public static string DatabaseFile(Type contextType) => contextType.Name[..^"Db".Length].ToLowerInvariant() + ".db";

    /// <summary>How many outbox rows the folder holds (all services).</summary>
    public static int OutboxRows(string dataDirectory) =>
        Databases(dataDirectory).Sum(file => Rows(file, "SELECT Id, MessageType FROM OutboxMessages").Count);

    public static IReadOnlyList<MissingDelivery> Missing(string dataDirectory)
    {
        var consumers = Consumers().ToLookup(c => c.MessageType);
        var handled = new Dictionary<string, HashSet<(Guid, string)>>();
        HashSet<(Guid, string)> HandledIn(string file)
        {
            if (!handled.TryGetValue(file, out var set))
            {
                var path = Path.Combine(dataDirectory, file);
                set = [];
                if (File.Exists(path))
                {
                    set.UnionWith(Rows(path, "SELECT MessageId, Consumer FROM InboxMessages").Select(r => (Guid.Parse(r[0]), r[1])));
                    if (HasTable(path, "DeadLetters"))
                    {
                        set.UnionWith(Rows(path, "SELECT MessageId, Consumer FROM DeadLetters").Select(r => (Guid.Parse(r[0]), r[1])));
                    }
                }

                handled[file] = set;
            }

            return set;
        }

        var missing = new List<MissingDelivery>();
        foreach (var file in Databases(dataDirectory))
        {
            foreach (var row in Rows(file, "SELECT Id, MessageType FROM OutboxMessages"))
            {
                var id = Guid.Parse(row[0]);
                missing.AddRange(consumers[row[1]]
                    .Where(c => !HandledIn(c.DatabaseFile).Contains((id, c.Name)))
                    .Select(c => new MissingDelivery(Path.GetFileName(file), id, row[1], c.Name)));
            }
        }

        return missing;
    }

    private static IEnumerable<string> Databases(string dataDirectory) =>
        Directory.EnumerateFiles(dataDirectory, "*.db").Where(file => HasTable(file, "OutboxMessages")).Order();

    private static bool HasTable(string file, string table) =>
        Rows(file, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}'").Count > 0;

    private static List<string[]> Rows(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i).ToString() ?? "")]);
        }

        return rows;
    }
}
