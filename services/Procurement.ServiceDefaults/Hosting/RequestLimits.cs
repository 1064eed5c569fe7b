using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>Endpoint metadata: this endpoint takes a tender document, so its body may be as large as <see cref="EdgeOptions.MaxDocumentBodyBytes"/>.</summary>
public sealed class DocumentUploadBody
{
    public static DocumentUploadBody Instance { get; } = new();

    private DocumentUploadBody()
    {
    }
}

/// <summary>A collection in a request body with more items than <see cref="EdgeOptions.MaxCollectionItems"/>.</summary>
public sealed class TooManyItemsException(string property, int max)
    : JsonException($"{property} holds more than {max} items.")
{
    public string Property { get; } = property;

    public int Max { get; } = max;
}

/// <summary>
/// The limits every host applies to what a caller sends, the gateway and the services alike (so a service
/// reached without the gateway is no weaker): a body cap per endpoint — <see cref="EdgeOptions.MaxRequestBodyBytes"/>
/// for everything, <see cref="EdgeOptions.MaxDocumentBodyBytes"/> where the endpoint declares
/// <see cref="AcceptsDocumentUpload{TBuilder}"/> — declared or chunked alike; a cap on the items of every
/// collection in a JSON body; and a request target that is not too long. Every
/// refusal is a ProblemDetails in the caller's language.
/// </summary>
public static class RequestLimits
{
    private const string CollectionRule = "too_many_items";
    private const string TargetTooLong = "uri_too_long";

    static RequestLimits()
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)>
        {
            [CollectionRule] = ("{0} may hold at most {1} items.", "{0}最多可包含 {1} 项。"),
            [TargetTooLong] = ("The request URI is too long (at most {0} characters).", "请求 URI 过长（最多 {0} 个字符）。"),
        });
    }

    /// <summary>Endpoints that take a tender document: their body cap is the document cap.</summary>
    public static TBuilder AcceptsDocumentUpload<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(DocumentUploadBody.Instance);

    /// <summary>Called by <c>AddServiceDefaults</c>, after the JSON options of the defaults.</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Edge:MaxRequestBodyBytes must be above zero.")
            .Validate(o => o.MaxDocumentBodyBytes > 0, "Edge:MaxDocumentBodyBytes must be above zero.")
            .Validate(o => o.MaxCollectionItems > 0, "Edge:MaxCollectionItems must be above zero.")
            .Validate(o => o.MaxRequestTargetLength is >= 256 and <= KestrelRequestLineCeiling / 2,
                $"Edge:MaxRequestTargetLength must be between 256 and {KestrelRequestLineCeiling / 2}.")
            .ValidateOnStart();

        // Kestrel answers a request line over its own limit with a bare 414 before any middleware runs (that
        // answer cannot be changed); its limit is raised above ours so that a URI up to four times too long
        // still gets our ProblemDetails, and only an absurd one gets Kestrel's bare status.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<EdgeOptions>>((kestrel, edge) =>
        {
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, edge.Value.MaxRequestTargetLength * 4);
            kestrel.Limits.MaxRequestBodySize = Math.Max(edge.Value.MaxRequestBodyBytes, edge.Value.MaxDocumentBodyBytes);
        });

        builder.Services.AddOptions<JsonOptions>().Configure<IOptions<EdgeOptions>>((json, edge) =>
        {
            var max = edge.Value.MaxCollectionItems;
            var serializer = json.SerializerOptions;
            serializer.TypeInfoResolver = (serializer.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(info => CapCollections(info, max));
        });

        builder.Services.AddTransient<IStartupFilter, RequestTargetStartupFilter>();
        return builder;
    }

    /// <summary>Called by <c>UseServiceDefaults</c> after authorization: a 401 or 403 answers before a 413.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(CapRequestBodyAsync);
        return app;
    }

    private const int KestrelRequestLineCeiling = 256 * 1024;

    private static async Task CapRequestBodyAsync(HttpContext context, RequestDelegate next)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value;
        var metadata = context.GetEndpoint()?.Metadata;

        // An endpoint that declares its own number ([RequestSizeLimit], IRequestSizeLimitMetadata) keeps it.
        var max = metadata?.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? (metadata?.GetMetadata<DocumentUploadBody>() is not null ? limits.MaxDocumentBodyBytes : limits.MaxRequestBodyBytes);

        if (context.Request.ContentLength > max)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "payload_too_large");
            return;
        }

        // A body of unknown length (chunked) is cut when it passes the cap: by Kestrel through the feature,
        // elsewhere (the test server, a host without the feature) by a counting stream; either throws a
        // BadHttpRequestException with 413, which the exception handler (or the proxy) turns into a 413.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = max;
        }
        else if (context.Request.ContentLength is null)
        {
            context.Request.Body = new CappedStream(context.Request.Body, max);
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (bad.InnerException is TooManyItemsException tooMany && !context.Response.HasStarted)
        {
            var field = FieldOf(tooMany);
            throw new RequestValidationException([new FieldError(field, CollectionRule, [field, tooMany.Max])]);
        }
    }

    /// <summary>
    /// After an object is read, every collection property is counted: one rule for staffing plans,
    /// indicators, line items and whatever comes next. The body cap bounds what is read before the count.
    /// </summary>
    private static void CapCollections(JsonTypeInfo info, int max)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var collections = info.Properties
            .Where(p => p.Get is not null && IsCountedCollection(p.PropertyType))
            .Select(p => (p.Name, Get: p.Get!))
            .ToArray();
        if (collections.Length == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get) in collections)
            {
                if (get(value) is ICollection { Count: var count } && count > max)
                {
                    throw new TooManyItemsException(name, max);
                }
            }
        };
    }

    private static bool IsCountedCollection(Type type) =>
        type != typeof(string) && type != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>"$.plan" or "$.lines[2]" (the object the collection belongs to) and the property: "plan.staffing", "lines[2].indicators".</summary>
    private static string FieldOf(TooManyItemsException tooMany)
    {
        var owner = ProblemDetailsExtensions.FieldFromJsonPath(tooMany.Path);
        return owner == "body" || owner == tooMany.Property || owner.EndsWith("." + tooMany.Property, StringComparison.Ordinal)
            ? (owner == "body" ? tooMany.Property : owner)
            : owner + "." + tooMany.Property;
    }

    /// <summary>
    /// The request target before anything else: a 414 in the caller's language. (A NUL in the path, <c>%00</c>,
    /// never gets this far: ASP.NET Core's URL decoder refuses it in Kestrel and the test server alike, with a
    /// bare 400 that no middleware sees.)
    /// </summary>
    private sealed class RequestTargetStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(CheckRequestTargetAsync);
            next(app);
        };
    }

    private static Task CheckRequestTargetAsync(HttpContext context, RequestDelegate next)
    {
        var max = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.MaxRequestTargetLength;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var length = string.IsNullOrEmpty(target)
            ? context.Request.PathBase.Value!.Length + context.Request.Path.Value!.Length + context.Request.QueryString.Value!.Length
            : target.Length;
        if (length > max)
        {
            return WriteProblemAsync(context, StatusCodes.Status414UriTooLong, TargetTooLong, max);
        }

        return next(context);
    }

    /// <summary>
    /// A refusal written by the edge itself, possibly before request localization has run: the language
    /// comes from Accept-Language here as it would there (Chinese for zh*, English otherwise).
    /// </summary>
    internal static async Task WriteProblemAsync(HttpContext context, int status, string code, params object?[] args)
    {
        var culture = CallerCulture(context.Request);
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();

        // TryWrite: a caller that accepts no JSON gets the bare status (and its headers) rather than a 500.
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Type = ProblemDetailsExtensions.TypePrefix + code,
                Title = ProblemMessages.Get(culture, code, args),
            },
        });
    }

    private static System.Globalization.CultureInfo CallerCulture(HttpRequest request)
    {
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "")
            .FirstOrDefault(l => l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase));
        return preferred is not null && preferred.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? System.Globalization.CultureInfo.GetCultureInfo("zh-CN")
            : System.Globalization.CultureInfo.GetCultureInfo("en");
    }

    /// <summary>Counts what is read and refuses past the cap, as Kestrel does with its feature.</summary>
    private sealed class CappedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > max)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
