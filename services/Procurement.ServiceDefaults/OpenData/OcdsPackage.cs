using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Procurement.ServiceDefaults.Time;

namespace Procurement.ServiceDefaults.OpenData;

/// <summary>Who publishes the platform's open data, and on what terms: the metadata every package carries.</summary>
/// <param name="Name">The publishing organisation or department (<c>publisher.name</c>, the one field OCDS requires).</param>
/// <param name="Uri">A URI that identifies the publisher (<c>publisher.uri</c>); left out when null.</param>
/// <param name="License">The licence of the data (<c>license</c>); left out when null.</param>
/// <param name="PublicationPolicy">The publication policy (<c>publicationPolicy</c>); left out when null.</param>
/// <param name="ExtensionUrls">The <c>extension.json</c> URL of every extension the data uses (e.g. the evaluator
/// extension of docs/ocds/evaluator-extension).</param>
public sealed record OcdsPublisher(
    string Name, Uri? Uri, Uri? License, Uri? PublicationPolicy, IReadOnlyList<Uri> ExtensionUrls);

/// <summary>The pagination links of a package: the next and the previous page, when there is one.</summary>
public sealed record OcdsLinks(Uri? Next, Uri? Prev);

/// <summary>
/// The envelopes of OCDS 1.1 open data: release packages, record packages and records. Releases go in as they are;
/// a record compiles its releases with <see cref="OcdsMerge"/>.
/// </summary>
public static class OcdsPackage
{
    /// <summary>The schema version a 1.1.x package declares: major.minor only, as the package schema's pattern asks.</summary>
    public const string Version = "1.1";

    /// <summary>
    /// <c>links</c> is not in the 1.1 package schemas: the Pagination extension adds it, so a package with links lists
    /// that extension (its URL in the OCDS extension registry).
    /// </summary>
    public static readonly Uri PaginationExtension =
        new("https://raw.githubusercontent.com/open-contracting-extensions/ocds_pagination_extension/master/extension.json");

    /// <summary>A release package: the releases (deep copies) with the publisher's metadata.</summary>
    /// <param name="uri">Where this package can be had again (<c>uri</c>, required).</param>
    /// <param name="publishedDate">When the package was published, or, made on demand, when its content last changed.</param>
    /// <param name="links">The next and previous page of a paged list; the Pagination extension is then listed.</param>
    public static JsonObject ReleasePackage(
        Uri uri, DateTimeOffset publishedDate, OcdsPublisher publisher, IEnumerable<JsonObject> releases, OcdsLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(releases);
        return Envelope(uri, publishedDate, publisher, links, "releases", new JsonArray([.. releases.Select(r => r.DeepClone())]));
    }

    /// <summary>A record package of the given records (deep copies), e.g. from <see cref="Record"/>.</summary>
    public static JsonObject RecordPackage(
        Uri uri, DateTimeOffset publishedDate, OcdsPublisher publisher, IEnumerable<JsonObject> records, OcdsLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Envelope(uri, publishedDate, publisher, links, "records", new JsonArray([.. records.Select(r => r.DeepClone())]));
    }

    /// <summary>
    /// The record of one process: its <c>ocid</c>, all its releases in full (oldest first, as the record schema asks) and
    /// the <c>compiledRelease</c> that merging them gives.
    /// </summary>
    public static JsonObject Record(IEnumerable<JsonObject> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        var ordered = OcdsMerge.InDateOrder(releases);
        var compiled = OcdsMerge.CompiledRelease(ordered);
        return new JsonObject
        {
            ["ocid"] = compiled["ocid"]!.DeepClone(),
            ["releases"] = new JsonArray([.. ordered.Select(r => r.DeepClone())]),
            ["compiledRelease"] = compiled,
        };
    }

    /// <summary>
    /// Writes a release package to <paramref name="body"/> as it goes, for a list too long to hold (a year's bulk file): the
    /// envelope of <see cref="ReleasePackage"/>, then each release's JSON as given (already serialised, written raw), the
    /// writer flushed to the body after every batch. Nothing is read ahead of what is written.
    /// </summary>
    /// <param name="releaseBatches">The releases in the order they go in the package, a batch at a time.</param>
    /// <param name="writerOptions">How the envelope is written (its encoder); the releases keep the encoding they have.</param>
    public static async Task WriteReleasePackageAsync(
        Stream body, Uri uri, DateTimeOffset publishedDate, OcdsPublisher publisher, IAsyncEnumerable<IReadOnlyList<string>> releaseBatches,
        JsonWriterOptions writerOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(releaseBatches);
        await using var writer = new Utf8JsonWriter(body, writerOptions);
        writer.WriteStartObject();
        foreach (var (name, value) in Head(uri, publishedDate, publisher, links: null))
        {
            writer.WritePropertyName(name);
            value!.WriteTo(writer);
        }

        writer.WriteStartArray("releases");
        await foreach (var batch in releaseBatches.WithCancellation(cancellationToken))
        {
            foreach (var release in batch)
            {
                writer.WriteRawValue(release);
            }

            await writer.FlushAsync(cancellationToken);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static JsonObject Envelope(
        Uri uri, DateTimeOffset publishedDate, OcdsPublisher publisher, OcdsLinks? links, string listName, JsonArray list)
    {
        var package = Head(uri, publishedDate, publisher, links);
        package[listName] = list;
        if (links is not null)
        {
            var linkObject = new JsonObject();
            if (links.Next is not null)
            {
                linkObject["next"] = links.Next.AbsoluteUri;
            }

            if (links.Prev is not null)
            {
                linkObject["prev"] = links.Prev.AbsoluteUri;
            }

            package["links"] = linkObject;
        }

        return package;
    }

    /// <summary>What a package says before its list: where it is, the schema version, when, who publishes it and on what terms.</summary>
    private static JsonObject Head(Uri uri, DateTimeOffset publishedDate, OcdsPublisher publisher, OcdsLinks? links)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(publisher);
        var publisherObject = new JsonObject { ["name"] = publisher.Name };
        if (publisher.Uri is not null)
        {
            publisherObject["uri"] = publisher.Uri.AbsoluteUri;
        }

        var extensions = publisher.ExtensionUrls.ToList();
        if (links is not null && !extensions.Contains(PaginationExtension))
        {
            extensions.Add(PaginationExtension);
        }

        var package = new JsonObject
        {
            ["uri"] = uri.AbsoluteUri,
            ["version"] = Version,
            ["publishedDate"] = OcdsDate(publishedDate),
            ["publisher"] = publisherObject,
        };
        if (publisher.License is not null)
        {
            package["license"] = publisher.License.AbsoluteUri;
        }

        if (publisher.PublicationPolicy is not null)
        {
            package["publicationPolicy"] = publisher.PublicationPolicy.AbsoluteUri;
        }

        if (extensions.Count > 0)
        {
            package["extensions"] = new JsonArray([.. extensions.Select(e => (JsonNode)e.AbsoluteUri)]);
        }

        return package;
    }

    /// <summary>
    /// An instant as the open data writes dates: RFC 3339 to the second, in Beijing time with its offset
    /// (<c>2026-03-01T16:00:00+08:00</c>), as the platform shows every time. The release builders use it too, so every
    /// date in the open data reads the same way.
    /// </summary>
    public static string OcdsDate(DateTimeOffset instant) =>
        instant.ToShanghai().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
