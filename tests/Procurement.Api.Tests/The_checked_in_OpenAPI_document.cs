using Procurement.Api.Tests.Support;

namespace Procurement.Api.Tests;

/// <summary>
/// <c>contracts/openapi/procurement.json</c>, from which the portal's client is generated, is the live document of
/// the Standalone host (every module in one document).
/// </summary>
[Collection(ApiPlatformCollection.Name)]
public sealed class The_checked_in_OpenAPI_document(ApiPlatform platform)
{
    [Fact]
    public async Task Is_the_live_document_of_the_Standalone_host()
    {
        using var client = platform.CreateClient(platform.Caller("anonymous"));
        var live = OpenApiFile.Normalise(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        if (OpenApiFile.UpdateRequested)
        {
            await File.WriteAllTextAsync(OpenApiFile.FullPath, live);
        }

        var checkedIn = File.Exists(OpenApiFile.FullPath) ? await File.ReadAllTextAsync(OpenApiFile.FullPath) : string.Empty;
        checkedIn.Should().Be(live,
            $"{OpenApiFile.RelativePath} must be the live /openapi/v1.json (first difference: {OpenApiFile.FirstDifference(checkedIn, live)}); " +
            $"refresh it with {OpenApiFile.UpdateVariable}=1 dotnet test tests/Procurement.Api.Tests " +
            $"--filter FullyQualifiedName~{nameof(The_checked_in_OpenAPI_document)} and commit it");
    }

    [Fact]
    public void Normalises_to_the_same_text_whatever_the_order_of_paths_and_schemas_and_the_line_endings()
    {
        const string first = "{\r\n\"openapi\":\"3.1.1\",\"paths\":{\"/b\":{},\"/a\":{}},\"components\":{\"schemas\":{\"Z\":{},\"A\":{\"type\":\"string\"}}}}";
        const string second = "{\"openapi\":\"3.1.1\",\"paths\":{\"/a\":{},\"/b\":{}},\"components\":{\"schemas\":{\"A\":{\"type\":\"string\"},\"Z\":{}}}}";

        var normalised = OpenApiFile.Normalise(first);

        normalised.Should().Be(OpenApiFile.Normalise(second)).And.NotContain("\r").And.EndWith("}\n");
        normalised.IndexOf("\"/a\"", StringComparison.Ordinal).Should().BeLessThan(normalised.IndexOf("\"/b\"", StringComparison.Ordinal));
    }
}
