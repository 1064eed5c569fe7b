using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Procurement.Evaluation.Awards.Data;

/// <summary>
/// Lists kept as JSON text: a value converter works alike on SQLite and SQL Server, and these lists are read
/// and written whole, never queried by their parts.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PropertyBuilder<IReadOnlyList<T>> AsJson<T>(this PropertyBuilder<IReadOnlyList<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            s => (IReadOnlyList<T>)(JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>()).AsReadOnly(),
            new ValueComparer<IReadOnlyList<T>>(
                (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
                v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
                v => v.ToList().AsReadOnly()));
}
