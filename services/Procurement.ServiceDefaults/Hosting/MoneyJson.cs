using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// Amounts are CNY with two decimals, and scores are kept to two decimals too: every decimal the API
/// writes shows at least two places (480000 → 480000.00), whatever scale the database returned it with.
/// Reading is the default: the value as sent, checked by the rules that take it.
/// </summary>
public sealed class TwoDecimalPlacesConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    // Adding 0.00m raises the scale to two without rounding a value that has more.
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value + 0.00m);
}
