using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.OpenData;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Texts;
using Procurement.ServiceDefaults.Time;
using Procurement.Tendering.Data;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.OpenData;

/// <summary>Registers the open data's collector (its consumers and ledger) and its options.</summary>
public static class OpenDataModule
{
    public static void AddOpenDataConsumers(IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        foreach (var writer in OpenDataWriters.All)
        {
            bus.AddConsumer(writer);
        }

        bus.AddConsumer<OpenDataHistoryPartConsumer>();
        bus.AddConsumer<OpenDataHistoryEndConsumer>();
    }

    public static IServiceCollection AddOpenData(this IServiceCollection services)
    {
        services.AddOptions<OpenDataOptions>().BindConfiguration(OpenDataOptions.Section)
            .Validate(o => OpenDataOptions.IsOcidPrefix(o.OcidPrefix),
                "OpenData:OcidPrefix must be 'ocds-' and six lower-case letters or digits, as the Open Contracting Partnership registers prefixes.")
            .Validate(o => Uri.TryCreate(o.PublicBaseUri, UriKind.Absolute, out _), "OpenData:PublicBaseUri must be an absolute address.")
            .Validate(o => o.BulkBatchSize > 0, "OpenData:BulkBatchSize must be at least 1.")
            .Validate(o => ClockJob.IsValidInterval(o.BackfillInterval),
                $"OpenData:BackfillInterval must be above zero and at most {ClockJob.LongestInterval.TotalDays} days.")
            .ValidateOnStart();
        services.AddScoped<OpenDataLedger>();
        services.AddClockJob<OpenDataBackfill>();
        return services;
    }
}

/// <summary>
/// The open data (DOMAIN.md §10, issue 18 item 2), without sign-in: OCDS 1.1.5 release packages by date range, a
/// process's record (its releases and the release compiled from them), every record page by page, and a year's bulk file.
/// </summary>
public static class PublicOpenDataEndpoints
{
    public const string Path = "/api/public/ocds";

    public static RouteGroupBuilder MapPublicOpenDataEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Path).WithTags("Open data").AllowAnonymous();
        group.MapGet("/releases", Releases)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetOcdsReleasePackage")
            .WithSummary("An OCDS 1.1.5 release package, oldest first: ?from= and ?to= (release dates in Asia/Shanghai, inclusive), ?page= (from 1), ?pageSize= (at most 100); links.next names the next page.");
        group.MapGet("/records", Records)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetOcdsRecordPackage")
            .WithSummary("An OCDS 1.1.5 record package of every process, oldest first, ?page= and ?pageSize= (at most 100): each record's releases and its compiled release.");
        group.MapGet("/records/{ocid}", Record)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetOcdsRecord")
            .WithSummary("One process's OCDS 1.1.5 record package: its releases and the release compiled from them; 404 for an ocid with none.");
        group.MapGet("/bulk/{year:int}", Bulk)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithName("GetOcdsBulkYear")
            .WithSummary("Every release of a calendar year (Asia/Shanghai) as one OCDS 1.1.5 release package, to download; 404 for a year with none (a package holds at least one release).");
        group.MapGet("/extensions/evaluator/{file}", (string file) => Extension(file))
            .WithName("GetOcdsEvaluatorExtension")
            .WithSummary("A file of the evaluator extension the packages list (extension.json, release-schema.json, README.md): OCDS has no evaluator role.");
        group.MapGet("/extensions/evaluator/codelists/{file}", (string file) => Extension("codelists/" + file))
            .WithName("GetOcdsEvaluatorExtensionCodelist")
            .WithSummary("A codelist of the evaluator extension (+partyRole.csv, evaluationGrade.csv, evaluationStage.csv).");
        group.MapGet("/years", Years)
            .WithName("ListOcdsYears")
            .WithSummary("The years that have releases, newest first, with how many each has.");
        return group;
    }

    private static async Task<IResult> Releases(
        HttpContext http, TenderingDb db, IOptions<OpenDataOptions> options, TimeProvider clock,
        DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = PublicPaging.DefaultPageSize)
    {
        PublicPaging.Ensure(page, pageSize, from, to);
        var query = db.OcdsReleases.AsNoTracking();
        if (from is { } start)
        {
            var since = ShanghaiDays.At(start, TimeSpan.Zero);
            query = query.Where(r => r.Date >= since);
        }

        if (to is { } end)
        {
            var before = ShanghaiDays.At(end.AddDays(1), TimeSpan.Zero);
            query = query.Where(r => r.Date < before);
        }

        var rows = await query.OrderBy(r => r.Date).ThenBy(r => r.Sequence)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(http.RequestAborted);
        var at = options.Value.Base + Path + "/releases?";
        var links = Links(rows.Count > pageSize ? at + Query(from, to, page + 1, pageSize) : null, page > 1 ? at + Query(from, to, page - 1, pageSize) : null);
        return Json(OcdsPackage.ReleasePackage(
            new Uri(at + Query(from, to, page, pageSize)), clock.GetUtcNow(), Publisher(options.Value), rows.Take(pageSize).Select(r => r.Parse()), links));
    }

    private static async Task<IResult> Records(
        HttpContext http, TenderingDb db, IOptions<OpenDataOptions> options, TimeProvider clock, int page = 1, int pageSize = PublicPaging.DefaultPageSize)
    {
        PublicPaging.Ensure(page, pageSize, null, null);
        var ocids = await db.OcdsReleases.AsNoTracking().GroupBy(r => r.Ocid).Select(g => new { Ocid = g.Key, First = g.Min(r => r.Date) })
            .OrderBy(g => g.First).ThenBy(g => g.Ocid).Skip((page - 1) * pageSize).Take(pageSize + 1).Select(g => g.Ocid)
            .ToListAsync(http.RequestAborted);
        var wanted = ocids.Take(pageSize).ToList();
        var releases = await db.OcdsReleases.AsNoTracking().Where(r => wanted.Contains(r.Ocid)).OrderBy(r => r.Sequence).ToListAsync(http.RequestAborted);
        var records = wanted.Select(ocid => OcdsPackage.Record(releases.Where(r => r.Ocid == ocid).Select(r => r.Parse())));
        var at = options.Value.Base + Path + "/records?";
        var links = Links(ocids.Count > pageSize ? at + Query(null, null, page + 1, pageSize) : null, page > 1 ? at + Query(null, null, page - 1, pageSize) : null);
        return Json(OcdsPackage.RecordPackage(new Uri(at + Query(null, null, page, pageSize)), clock.GetUtcNow(), Publisher(options.Value), records, links));
    }

    private static async Task<IResult> Record(string ocid, HttpContext http, TenderingDb db, IOptions<OpenDataOptions> options, TimeProvider clock)
    {
        var releases = await db.OcdsReleases.AsNoTracking().Where(r => r.Ocid == ocid).OrderBy(r => r.Sequence).ToListAsync(http.RequestAborted);
        if (releases.Count == 0)
        {
            throw new NotFoundException(ProblemMessages.Get("ocds_record"), ocid);
        }

        return Json(OcdsPackage.RecordPackage(
            new Uri($"{options.Value.Base}{Path}/records/{ocid}"), clock.GetUtcNow(), Publisher(options.Value), [OcdsPackage.Record(releases.Select(r => r.Parse()))]));
    }

    private static async Task<IResult> Bulk(int year, HttpContext http, TenderingDb db, IOptions<OpenDataOptions> options, TimeProvider clock)
    {
        if (year is < 2000 or > 9999)
        {
            new FieldErrors().Add("year", "one_of", "2000–9999").ThrowIfAny();
        }

        // The release package schema wants at least one release: a year without any has no file (GET …/years lists those with).
        if (!await db.OcdsReleases.AsNoTracking().AnyAsync(r => r.Year == year, http.RequestAborted))
        {
            throw new NotFoundException(ProblemMessages.Get("ocds_year"), year.ToString(CultureInfo.InvariantCulture));
        }

        var settings = options.Value;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{settings.OcidPrefix}-{year}.json\"";
        var publishedDate = clock.GetUtcNow();
        return Results.Stream(
            body => OcdsPackage.WriteReleasePackageAsync(
                body, new Uri($"{settings.Base}{Path}/bulk/{year}"), publishedDate, Publisher(settings),
                YearInBatches(db, year, settings.BulkBatchSize, http.RequestAborted), new JsonWriterOptions { Encoder = Ocds.Json.Encoder },
                http.RequestAborted),
            JsonContentType);
    }

    /// <summary>
    /// A year's releases by date, then <see cref="OcdsRelease.Sequence"/>, as the package lists them, read a batch at a time
    /// by keyset (after the last date and sequence sent, on the index of year, date and sequence): each batch is one short
    /// query, so no connection or read transaction stays open while a slow client downloads. A release written during the
    /// download is in the file if it sorts after the batch already sent.
    /// </summary>
    private static async IAsyncEnumerable<IReadOnlyList<string>> YearInBatches(
        TenderingDb db, int year, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = db.OcdsReleases.AsNoTracking().Where(r => r.Year == year);
        (DateTimeOffset Date, long Sequence)? last = null;
        while (true)
        {
            var page = query;
            if (last is var (date, sequence))
            {
                page = page.Where(r => r.Date > date || (r.Date == date && r.Sequence > sequence));
            }

            var batch = await page.OrderBy(r => r.Date).ThenBy(r => r.Sequence).Take(batchSize)
                .Select(r => new { r.Date, r.Sequence, r.Json }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return [.. batch.Select(r => r.Json)];
            if (batch.Count < batchSize)
            {
                yield break;
            }

            last = (batch[^1].Date, batch[^1].Sequence);
        }
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<OcdsYear[]>> Years(HttpContext http, TenderingDb db)
    {
        var years = await db.OcdsReleases.AsNoTracking().GroupBy(r => r.Year).Select(g => new OcdsYear(g.Key, g.Count()))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(years.OrderByDescending(y => y.Year).ToArray());
    }

    private static IResult Extension(string file)
    {
        // The resource names are the extension's own files (LogicalName in the project): nothing outside it is reachable.
        var name = "ocds-evaluator/" + file;
        var stream = typeof(PublicOpenDataEndpoints).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            throw new NotFoundException(ProblemMessages.Get("ocds_extension_file"), file);
        }

        var type = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json"
            : file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv; charset=utf-8"
            : "text/markdown; charset=utf-8";
        return Results.Stream(stream, type);
    }

    /// <summary>The publisher and terms every package of the open data carries.</summary>
    internal static OcdsPublisher Publisher(OpenDataOptions options) => new(
        options.PublisherName, new Uri(options.Base), new Uri(options.License), new Uri($"{options.Base}/public/open-data"),
        [new Uri(Ocds.BidExtension), new Uri($"{options.Base}{Ocds.EvaluatorExtension}")]);

    private static string Query(DateOnly? from, DateOnly? to, int page, int pageSize) =>
        string.Join('&', new[]
        {
            from is { } f ? $"from={f:yyyy-MM-dd}" : null,
            to is { } t ? $"to={t:yyyy-MM-dd}" : null,
            $"page={page.ToString(CultureInfo.InvariantCulture)}",
            $"pageSize={pageSize.ToString(CultureInfo.InvariantCulture)}",
        }.Where(p => p is not null));

    private static OcdsLinks? Links(string? next, string? previous) =>
        next is null && previous is null ? null : new OcdsLinks(next is null ? null : new Uri(next), previous is null ? null : new Uri(previous));

    private const string JsonContentType = "application/json; charset=utf-8";

    private static IResult Json(JsonObject package) => Results.Text(package.ToJsonString(Ocds.Json), JsonContentType);
}

/// <summary>A year of the open data and how many releases it has.</summary>
public sealed record OcdsYear(int Year, int Releases);
