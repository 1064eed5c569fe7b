using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procurement.Evaluation.Data;

/// <summary>
/// Values kept as JSON text columns, for every part of Evaluation: a value converter works alike on SQLite and SQL Server, and
/// these values are read and written whole, never queried by their parts.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    /// <summary>Maps a list property to one JSON column, compared by its items.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
            v => Write(v),
            s => Read<List<T>>(s).AsReadOnly(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                v => v.ToList().AsReadOnly()));

    /// <summary>Maps a record property to one JSON column.</summary>
    public static PropertyBuilder<T> AsJsonRecord<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(v => Write(v), s => Read<T>(s));
}
