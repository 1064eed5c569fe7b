using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Procurement.Bidding.Data;

/// <summary>
/// The open tender's terms as JSON text columns: a value converter works alike on SQLite and SQL Server,
/// and the terms are read as a whole, never queried by their parts.
/// </summary>
internal static class TermsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    public static IReadOnlyList<string> ReadTexts(string json) => Read<List<string>>(json).AsReadOnly();

    public static TenderPersonnelCostStored ReadPersonnelCost(string json) => Read<TenderPersonnelCostStored>(json);

    /// <summary>Lists compare by their items, so an unchanged list is not written again.</summary>
    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());

    public static ValueComparer<Domain.TenderPersonnelCost?> PersonnelCostComparer { get; } = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.MinimumPersonnelShare == b.MinimumPersonnelShare && a.PayFloors.SequenceEqual(b.PayFloors)),
        v => v == null ? 0 : HashCode.Combine(v.MinimumPersonnelShare, v.PayFloors.Count),
        v => v);

    internal sealed record TenderPersonnelCostStored(decimal MinimumPersonnelShare, List<Domain.TenderPayFloor> PayFloors);
}
