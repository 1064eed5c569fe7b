using System.Text.Json;
using System.Text.RegularExpressions;
using Procurement.Api.Tests.Support;
using Procurement.ServiceDefaults.OpenApi;
using Procurement.Tendering.Domain;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Api.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> of the Standalone host as a client generator reads it: money as decimal, dates as dates,
/// enums by name, a stable operation id per operation, and the ProblemDetails each operation may answer with.
/// </summary>
[Collection(ApiPlatformCollection.Name)]
public sealed partial class The_OpenAPI_document_fits_a_generated_client(ApiPlatform platform)
{
    private static readonly string[] ErrorStatuses = ["400", "401", "403", "404", "409", "422"];

    private JsonElement Root => platform.OpenApi.RootElement;

    [Fact]
    public void Has_no_double_or_float_anywhere_and_every_amount_is_a_decimal_number()
    {
        var formats = new List<string>();
        Collect(Root, formats);

        formats.Should().NotContain(["double", "float"]);
        formats.Count(f => f == "decimal").Should().BeGreaterThan(50, "every amount, share and score of the API is a decimal");
        var budget = Schema("TenderRequest").GetProperty("properties").GetProperty("budgetCeiling");
        budget.GetProperty("format").GetString().Should().Be("decimal");
        Types(budget).Should().BeEquivalentTo(["number", "null"]);
        var personnel = Schema("CostBreakdown").GetProperty("properties").GetProperty("personnel");
        Types(personnel).Should().Equal("number");
        personnel.TryGetProperty("pattern", out _).Should().BeFalse("a decimal is a JSON number, never a string");
        var grades = Schema("PayScalePost").GetProperty("properties").GetProperty("grades").GetProperty("items");
        (grades.GetProperty("type").GetString(), grades.GetProperty("format").GetString()).Should().Be(("number", "decimal"),
            "a list of amounts (a pay scale's grades) holds decimal numbers, not objects of no type");
    }

    [Fact]
    public void Writes_dates_as_date_and_enums_as_string_enums_of_their_names()
    {
        var serviceStart = Schema("TenderRequest").GetProperty("properties").GetProperty("serviceStart");
        serviceStart.GetProperty("format").GetString().Should().Be("date");

        foreach (var (name, names) in new[] { ("TenderStatus", Enum.GetNames<TenderStatus>()), ("ProcurementMethod", Enum.GetNames<ProcurementMethod>()) })
        {
            var schema = Schema(name);
            schema.GetProperty("type").GetString().Should().Be("string", name);
            schema.GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                .Should().Equal(names, "{0} is read and written by name, and null is the property's, not the enum's", name);
        }
    }

    [Fact]
    public void Gives_every_operation_a_unique_Area_Name_operation_id_and_a_tag()
    {
        var ids = new List<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var id = operation.TryGetProperty("operationId", out var value) ? value.GetString() : null;
            id.Should().NotBeNull($"{method} {path} has an operation id").And.MatchRegex(AreaName(), $"{method} {path}");
            var tag = operation.GetProperty("tags").EnumerateArray().First().GetString()!;
            id.Should().StartWith(OperationIds.Pascal(tag) + "_", "the area of {0} {1} is its first tag, {2}", method, path, tag);
            ids.Add(id!);
        }

        ids.Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(100);
        Operation("post", "/api/tenders/{id}/publish").GetProperty("operationId").GetString().Should().Be("Tenders_PublishTender");
        Operation("post", "/api/programs").GetProperty("operationId").GetString().Should().Be("ServicePrograms_CreateProgram");
    }

    [Fact]
    public async Task Documents_the_ProblemDetails_each_operation_may_answer_with()
    {
        var failures = new List<string>();
        foreach (var (method, path, operation) in Operations())
        {
            var responses = operation.GetProperty("responses");
            var endpoint = platform.EndpointOf(method.ToUpperInvariant(), path);
            var expected = new List<string>();
            if (operation.TryGetProperty("requestBody", out _))
            {
                expected.AddRange(["400", "422"]);
            }

            if (!await platform.MayActAsync(endpoint, platform.Caller("anonymous")))
            {
                expected.AddRange(["401", "403"]);
            }

            if (path.Contains('{', StringComparison.Ordinal))
            {
                expected.Add("404");
            }

            if (method is not "get")
            {
                expected.AddRange(["409", "422"]);
            }

            foreach (var status in expected.Distinct())
            {
                if (!responses.TryGetProperty(status, out var response))
                {
                    failures.Add($"{method} {path}: no {status}");
                    continue;
                }

                var reference = response.TryGetProperty("content", out var content)
                                && content.TryGetProperty(ProcurementOpenApi.ProblemContentType, out var media)
                                && media.GetProperty("schema").TryGetProperty("$ref", out var r)
                    ? r.GetString()
                    : null;
                if (reference != "#/components/schemas/" + ProcurementOpenApi.ProblemSchemaName)
                {
                    failures.Add($"{method} {path}: {status} is not an application/problem+json ProblemDetails ({reference})");
                }
            }

            failures.AddRange(responses.EnumerateObject()
                .Where(r => ErrorStatuses.Contains(r.Name) && !expected.Contains(r.Name) && r.Name != "400")
                .Select(r => $"{method} {path}: {r.Name} documented where the endpoint cannot give it"));
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty();
        var errors = Schema(ProcurementOpenApi.ProblemSchemaName).GetProperty("properties").GetProperty("errors");
        errors.GetProperty("additionalProperties").GetProperty("type").GetString().Should().Be("array");
        errors.GetProperty("additionalProperties").GetProperty("items").GetProperty("type").GetString().Should().Be("string");
    }

    [Theory]
    [InlineData("/api/disbursements/instalments/{id}/request")]
    [InlineData("/api/disbursements/instalments/{id}/release")]
    public void Lists_a_header_the_endpoint_reads_itself_as_a_required_parameter(string path)
    {
        var operation = Operation("post", path);

        var header = operation.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("in").GetString() == "header");
        header.GetProperty("name").GetString().Should().Be("Idempotency-Key");
        header.GetProperty("required").GetBoolean().Should().BeTrue();
        header.GetProperty("schema").GetProperty("maxLength").GetInt32().Should().Be(100);
        operation.GetProperty("responses").TryGetProperty("400", out _).Should().BeTrue("a missing key is a 400 naming the header");
    }

    [Fact]
    public void Names_no_server_so_the_caller_sets_the_base_address_and_the_service_not_the_process_as_title()
    {
        Root.GetProperty("info").GetProperty("title").GetString().Should().Be(ProcurementOpenApi.Title("standalone"));
        Root.TryGetProperty("servers", out var servers).Should().Be(false, $"servers: {(servers.ValueKind == JsonValueKind.Undefined ? "" : servers.GetRawText())}");
    }

    [Theory]
    [InlineData("POST", "/api/tenders/{id}/publish", "PostTendersByIdPublish")]
    [InlineData("GET", "/api/evaluations/calendar/days/{date:datetime}", "GetEvaluationsCalendarDaysByDate")]
    [InlineData("delete", "/api/agencies/me/staff/{workerId}", "DeleteAgenciesMeStaffByWorkerId")]
    public void Derives_an_operation_name_from_method_and_route_where_the_endpoint_has_none(string method, string route, string expected) =>
        OperationIds.FromRoute(method, route).Should().Be(expected);

    [Theory]
    [InlineData("Service programs", "/api/programs", "ServicePrograms")]
    [InlineData("Working-day calendar", "/api/evaluations/calendar", "WorkingDayCalendar")]
    [InlineData(null, "/api/operations/dead-letters/{id}/replay", "Operations")]
    [InlineData("", "/{id}", "Root")]
    public void Takes_the_area_from_the_first_tag_else_from_the_route(string? tag, string route, string expected) =>
        OperationIds.Area(tag, route).Should().Be(expected);

    private JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private JsonElement Operation(string method, string path) => Root.GetProperty("paths").GetProperty(path).GetProperty(method);

    private IEnumerable<(string Method, string Path, JsonElement Operation)> Operations() =>
        from path in Root.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is not ("parameters" or "summary" or "description")
        select (operation.Name, path.Name, operation.Value);

    private static IEnumerable<string> Types(JsonElement schema) =>
        schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(t => t.GetString()!)
            : [schema.GetProperty("type").GetString()!];

    private static void Collect(JsonElement element, List<string> formats)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "format" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        formats.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, formats);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, formats);
                }

                break;
        }
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*_[A-Z][A-Za-z0-9]*$")]
    private static partial Regex AreaName();
}
