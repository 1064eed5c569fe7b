using System.Text.Json;
using System.Text.Json.Serialization;

namespace Procurement.Portal.Client;

/// <summary>
/// NSwag puts a string-enum converter on each enum property but none on a list of enums (its generated
/// note where an item converter belongs): <c>permittedTriggers: ["Sign"]</c> of a contract and
/// <c>obstacles: ["NoGrade"]</c> of a renewal proposal failed to deserialize. Enums are written as their names throughout
/// the API, so the clients whose answers hold such lists read them so everywhere.
/// </summary>
internal static class EnumNames
{
    public static void ReadByName(JsonSerializerOptions settings) => settings.Converters.Add(new JsonStringEnumConverter());
}

public partial class ContractsClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => EnumNames.ReadByName(settings);
}

public partial class ContinuityClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) => EnumNames.ReadByName(settings);
}
