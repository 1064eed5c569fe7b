using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using Procurement.ServiceDefaults.Hosting;

namespace Procurement.ServiceDefaults.OpenApi;

/// <summary>
/// Makes <c>/openapi/v1.json</c> fit for a generated client: money as <c>number</c>/<c>decimal</c> (never
/// <c>double</c>), dates as <c>date</c>, enums as string enums of their names, an <c>operationId</c> per operation
/// (<c>Area_Name</c>, which a generator splits into a client per area and a method per operation), and the
/// ProblemDetails answers each operation may give.
/// </summary>
public static class ProcurementOpenApi
{
    /// <summary>The component every error answer refers to.</summary>
    public const string ProblemSchemaName = "ProblemDetails";

    public const string ProblemContentType = "application/problem+json";

    /// <summary>The conventions above, and <c>info.title</c> from the service's name (not the process's, which a test host changes).</summary>
    public static OpenApiOptions AddProcurementConventions(this OpenApiOptions options, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            DescribeClrType(schema, context.JsonTypeInfo.Type);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            DescribeOperation(operation, context.Description, context.Document);
            return Task.CompletedTask;
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            // The caller sets the base address (the public entry, a test server): a server named here would be the
            // one the document happened to be asked through.
            document.Servers?.Clear();
            document.Info ??= new OpenApiInfo();
            document.Info.Title = Title(serviceName);
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
            document.Components.Schemas[ProblemSchemaName] = ProblemSchema();
            return Task.CompletedTask;
        });
        return options;
    }

    public static string Title(string serviceName) => $"Procurement API ({serviceName})";

    /// <summary>Money (every decimal), dates and enums, by the CLR type the schema is made for.</summary>
    internal static void DescribeClrType(OpenApiSchema schema, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        var clr = underlying ?? type;
        if (clr == typeof(decimal))
        {
            schema.Type = JsonSchemaType.Number | (nullable ? JsonSchemaType.Null : 0);
            schema.Format = "decimal";
            schema.Pattern = null;
        }
        else if (clr == typeof(DateOnly))
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : 0);
            schema.Format = "date";
        }
        else if (clr.IsAssignableTo(typeof(IEnumerable<decimal>)))
        {
            // A list of amounts (a pay scale's grades): the items are money too. Left alone, the document lists an array of
            // nothing, and a generated client reads it as a list of objects.
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" };
        }
        else if (clr.IsEnum)
        {
            // The API reads and writes enums by name only (JsonStringEnumConverter, no numbers).
            schema.Type = JsonSchemaType.String;
            schema.Format = null;
            schema.Enum = [.. Enum.GetNames(clr).Select(name => (JsonNode)JsonValue.Create(name))];
        }
    }

    internal static void DescribeOperation(OpenApiOperation operation, ApiDescription description, OpenApiDocument? document)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var route = "/" + (description.RelativePath ?? string.Empty).TrimStart('/');
        var area = OperationIds.Area(operation.Tags?.Select(t => t.Name).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)), route);
        if (operation.Tags is null || operation.Tags.Count == 0)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(area, document) };
        }

        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        operation.OperationId = OperationIds.Of(area, name, method, route);

        var takesDocument = metadata.OfType<DocumentUploadBody>().Any();
        if (takesDocument)
        {
            DescribeDocumentUpload(operation);
        }

        var takesBody = takesDocument
                        || description.ParameterDescriptions.Any(p =>
                            p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
                        || metadata.OfType<IAcceptsMetadata>().Any();
        var headers = metadata.OfType<RequiredHeader>().ToList();
        AddHeaders(operation, headers);
        var takesQuery = headers.Count > 0
                         || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query || p.Source == BindingSource.Header);
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorized = !anonymous && (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any());
        var routeHasId = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);

        operation.Responses ??= new OpenApiResponses();
        if (takesBody || takesQuery)
        {
            // A bad query value or header (or a missing required header) is a 400 naming it, as a bad body field is.
            AddProblem(operation, document, StatusCodes.Status400BadRequest,
                "The request is malformed or a field is invalid; errors names each field with its messages.");
        }

        if (authorized)
        {
            AddProblem(operation, document, StatusCodes.Status401Unauthorized, "No valid access token.");
            AddProblem(operation, document, StatusCodes.Status403Forbidden, "The caller's role or organisation may not do this.");
        }

        if (routeHasId)
        {
            AddProblem(operation, document, StatusCodes.Status404NotFound, "Nothing the caller may see has this id.");
        }

        if (writes)
        {
            AddProblem(operation, document, StatusCodes.Status409Conflict,
                "The resource changed meanwhile or is in a state that forbids this (rule names which).");
            AddProblem(operation, document, StatusCodes.Status422UnprocessableEntity, "A business rule forbids this (rule names which).");
        }
    }

    /// <summary>The field of a document upload's multipart body.</summary>
    public const string DocumentField = "file";

    /// <summary>
    /// An endpoint that reads its document from the form itself (so that a missing or empty file is its own 400 or 422,
    /// not the binder's) declares <see cref="DocumentUploadBody"/>: its body is described here, multipart/form-data with
    /// one binary field, which a generator turns into a file parameter.
    /// </summary>
    private static void DescribeDocumentUpload(OpenApiOperation operation)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string>(StringComparer.Ordinal) { DocumentField },
                        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                        {
                            [DocumentField] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                        },
                    },
                },
            },
        };
    }

    private static void AddHeaders(OpenApiOperation operation, List<RequiredHeader> headers)
    {
        foreach (var header in headers)
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, header.Name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = true,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = header.MaxLength },
            });
        }
    }

    private static void AddProblem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing) && existing.Content?.ContainsKey(ProblemContentType) == true)
        {
            return;
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = existing?.Description is { Length: > 0 } given ? given : description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchemaName, document) },
            },
        };
    }

    /// <summary>RFC 7807 with the platform's extensions: <c>errors</c> (field → messages), <c>rule</c>, <c>field</c>, <c>traceId</c>.</summary>
    private static OpenApiSchema ProblemSchema()
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 7807 problem, in the caller's language (Accept-Language: zh-CN or English).",
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["type"] = Text("urn:procurement:problem:<code>"),
                ["title"] = Text("A short summary of the kind of problem."),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32", Description = "The HTTP status." },
                ["detail"] = Text("What went wrong in this case."),
                ["instance"] = Text("The path that was called."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = "Validation (400): each field named with its messages.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
                ["rule"] = Text("The rule a 409 or 422 refers to."),
                ["field"] = Text("The field a rule refers to, when one does."),
                ["traceId"] = Text("The trace to quote when reporting the problem."),
            },
            AdditionalPropertiesAllowed = true,
        };
    }
}
