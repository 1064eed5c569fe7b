using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Problems;

/// <summary>
/// Checks a JSON body before the endpoint binds it, against the type the endpoint binds it to, and answers with
/// every bad field at once: a charset other than UTF-8 (415), duplicate keys, <c>null</c> inside an array, an
/// enum sent as a number or an unknown name (with the allowed names), a calendar date that does not exist, and
/// control characters in a string. Names and titles are single-line: no control character at all; other texts
/// (descriptions, reasons, proposals) may carry tab, line feed and carriage return, and nothing else below U+0020
/// nor U+007F–U+009F.
/// </summary>
/// <remarks>
/// It runs as part of each endpoint (its data sources are wrapped), so after the whole middleware pipeline: the
/// caller's token and role are judged first (401/403), the edge's body cap applies before anything is read, and
/// only endpoints that take a JSON body are touched. A body that is not JSON at all is left to the binder, which
/// answers 400 as before.
/// </remarks>
public static class JsonBodyGuard
{
    /// <summary>Wraps every endpoint mapped on <paramref name="app"/> so far.</summary>
    public static void Install(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sources = app.DataSources.ToList();
        app.DataSources.Clear();
        foreach (var source in sources)
        {
            app.DataSources.Add(source is GuardedDataSource ? source : new GuardedDataSource(source));
        }
    }

    /// <summary>The refusals of <paramref name="body"/> as the type <paramref name="target"/> would read it; empty when it is acceptable.</summary>
    public static FieldErrors Check(JsonElement body, Type target, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new FieldErrors();
        Walk(body, target, options, path: string.Empty, singleLine: false, errors);
        return errors;
    }

    /// <summary>"utf-8" (in any case, or "utf8") or none: the only charsets a JSON body may declare (RFC 8259 §8.1).</summary>
    public static bool IsUtf8(StringSegment charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static async Task GuardAsync(HttpContext context, Type target, RequestDelegate next)
    {
        var request = context.Request;
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) && IsJson(mediaType))
        {
            var charset = mediaType.Charset;
            if (charset.HasValue && !IsUtf8(charset))
            {
                throw new UnsupportedMediaTypeException("unsupported_charset", charset.Value);
            }

            request.EnableBuffering();
            var document = await TryParseAsync(request.Body, context.RequestAborted);
            request.Body.Position = 0;
            if (document is not null)
            {
                using (document)
                {
                    var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                    Check(document.RootElement, target, options).ThrowIfAny();
                }
            }
        }

        await next(context);
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static async Task<JsonDocument?> TryParseAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(body, new JsonDocumentOptions { MaxDepth = 64 }, cancellationToken);
        }
        catch (JsonException)
        {
            // Not JSON (or empty): the binder answers it, as it always has.
            return null;
        }
    }

    private static void Walk(JsonElement element, Type? target, JsonSerializerOptions options, string path, bool singleLine, FieldErrors errors)
    {
        var type = target is null ? null : Nullable.GetUnderlyingType(target) ?? target;
        var info = type is null || type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type) || type == typeof(JsonElement)
            ? null
            : options.GetTypeInfo(type);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WalkObject(element, info, options, path, errors);
                break;
            case JsonValueKind.Array:
                var itemType = info?.Kind == JsonTypeInfoKind.Enumerable ? info.ElementType : null;
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
                    if (item.ValueKind == JsonValueKind.Null && itemType is not null && !AcceptsNull(itemType))
                    {
                        errors.Add(itemPath, "null_item");
                    }
                    else
                    {
                        Walk(item, itemType, options, itemPath, singleLine, errors);
                    }

                    index++;
                }

                break;
            case JsonValueKind.String:
                WalkString(element.GetString()!, type, path, singleLine, errors);
                break;
            case JsonValueKind.Number when type is { IsEnum: true }:
                errors.Add(Field(path), "one_of", string.Join(", ", Enum.GetNames(type)));
                break;
        }
    }

    private static void WalkObject(JsonElement element, JsonTypeInfo? info, JsonSerializerOptions options, string path, FieldErrors errors)
    {
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var seen = new HashSet<string>(comparer);
        var properties = info?.Kind == JsonTypeInfoKind.Object ? info.Properties : null;
        var values = info?.Kind == JsonTypeInfoKind.Dictionary ? info.ElementType : null;
        foreach (var property in element.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name))
            {
                errors.Add(childPath, "duplicate_key");
                continue;
            }

            var known = properties?.FirstOrDefault(p => comparer.Equals(p.Name, property.Name));
            var childType = known?.PropertyType ?? values;
            Walk(property.Value, childType, options, childPath, SingleLine(property.Name), errors);
        }
    }

    private static void WalkString(string value, Type? type, string path, bool singleLine, FieldErrors errors)
    {
        var field = Field(path);
        if (value.Any(c => IsRefused(c, singleLine)))
        {
            errors.Add(field, singleLine ? "control_characters_single_line" : "control_characters");
            return;
        }

        if (type is { IsEnum: true })
        {
            if (!Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(field, "one_of", string.Join(", ", Enum.GetNames(type)));
            }
        }
        else if ((type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
                 && value.Length >= 10 && IsDateShaped(value)
                 && !DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add(field, "date_not_exist", value[..10]);
        }
    }

    /// <summary>Names and titles hold one line; every other text may hold paragraphs and tabs.</summary>
    private static bool SingleLine(string jsonName) =>
        jsonName.EndsWith("name", StringComparison.OrdinalIgnoreCase) || jsonName.EndsWith("title", StringComparison.OrdinalIgnoreCase);

    private static bool IsRefused(char c, bool singleLine) =>
        char.IsControl(c) && (singleLine || c is not ('\t' or '\n' or '\r'));

    private static bool IsDateShaped(string value) =>
        char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2]) && char.IsAsciiDigit(value[3])
        && value[4] == '-' && char.IsAsciiDigit(value[5]) && char.IsAsciiDigit(value[6]) && value[7] == '-'
        && char.IsAsciiDigit(value[8]) && char.IsAsciiDigit(value[9]);

    private static bool AcceptsNull(Type type) =>
        Nullable.GetUnderlyingType(type) is not null || type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type);

    private static string Field(string path) => path.Length == 0 ? "body" : path;

    /// <summary>The endpoints of one data source, each that binds a JSON body guarded.</summary>
    private sealed class GuardedDataSource(EndpointDataSource inner) : EndpointDataSource
    {
        private IReadOnlyList<Endpoint>? _source;
        private IReadOnlyList<Endpoint> _guarded = [];

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                var current = inner.Endpoints;
                if (!ReferenceEquals(current, _source))
                {
                    _guarded = [.. current.Select(Guard)];
                    _source = current;
                }

                return _guarded;
            }
        }

        public override IChangeToken GetChangeToken() => inner.GetChangeToken();

        private static Endpoint Guard(Endpoint endpoint)
        {
            if (endpoint is not RouteEndpoint { RequestDelegate: { } next } route
                || route.Metadata.GetMetadata<IAcceptsMetadata>() is not { RequestType: { } target } accepts
                || !accepts.ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase)))
            {
                return endpoint;
            }

            return new RouteEndpoint(context => GuardAsync(context, target, next), route.RoutePattern, route.Order, route.Metadata, route.DisplayName);
        }
    }
}
