using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Portal.Client;

/// <summary>
/// NSwag puts a string-enum converter on each enum property but none on a list of enums (its generated
/// <c>TODO(system.text.json): Add ItemConverterType</c>): <c>permittedTriggers: ["Sign"]</c> of a contract failed to
/// deserialize. Enums are written as their names throughout the API, so the contracts client reads them so everywhere.
/// </summary>
public partial class ContractsClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}
