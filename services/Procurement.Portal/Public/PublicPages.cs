using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Public;

namespace Procurement.Portal.Public;

/// <summary>
/// The public announcement pages (公告): readable by anyone, without an account, and by search engines — each is plain
/// HTML rendered once on the server (no circuit, no script), at a stable address: <c>/public/tenders</c> (with its
/// filters in the query) and <c>/public/tenders/{id}</c>; <c>?culture=en</c> or <c>?culture=zh-CN</c> picks the language
/// for that address. The data comes from the API's anonymous <c>/api/public/...</c> reads; a document links straight to
/// the API's anonymous download (the same public origin, gateway or embedded host).
/// </summary>
public static class PublicPages
{
    public const string TendersPath = "/public/tenders";

    public const string ContractsPath = "/public/contracts";

    public const string OpenDataPath = "/public/open-data";

    public const string OpenDataReleasesHref = "/api/public/ocds/releases";

    public const string OpenDataRecordsHref = "/api/public/ocds/records";

    public const string OpenDataExtensionHref = "/api/public/ocds/extensions/evaluator/README.md";

    public static string OpenDataBulkHref(int year) => $"/api/public/ocds/bulk/{year.ToString(CultureInfo.InvariantCulture)}";

    public static string AuditRootHref(DateOnly date) => $"/api/public/audit-roots/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public static string TenderHref(Guid id) => $"{TendersPath}/{id}";

    /// <summary>
    /// The text key of a public tender's status. Tendering reads Evaluating until the challenge window closes; once the
    /// result is published the reader sees 结果公示中 (challenge window open), on the list as on the page.
    /// </summary>
    public static string TenderStatusKey(TenderStatus status, bool resultPublished) =>
        resultPublished && status == TenderStatus.Evaluating ? "TenderStatus_ResultPublished" : "TenderStatus_" + status;

    public static string ContractHref(Guid id) => $"{ContractsPath}/{id}";

    public static string DocumentHref(Guid tenderId, Guid documentId) => $"/api/public/tenders/{tenderId}/documents/{documentId}";

    /// <summary>The contract's signatures checked by the API, as JSON anyone can read (the documents and keys are in the announcement).</summary>
    public static string ContractVerificationHref(Guid contractId) => $"/api/public/contracts/{contractId}/verification";

    public static IServiceCollection AddPublicPages(this IServiceCollection services)
    {
        services.AddSingleton<PublicApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapPublicPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(TendersPath, ListAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(TendersPath + "/{id:guid}", TenderAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ContractsPath, ContractListAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ContractsPath + "/{id:guid}", ContractAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(OpenDataPath, OpenDataAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Task<IResult> ListAsync(
        HttpContext http, PublicApi api, string? region = null, string? purchaser = null, string? serviceDomain = null,
        string? from = null, string? to = null, string? page = null) =>
        ListPageAsync<PublicTenderList, PublicPageOfPublicTenderSummary>(
            PublicListFilter.Read(TendersPath, region, purchaser, serviceDomain, from, to, page),
            filter => api.Announcements.ListPublicTendersAsync(
                filter.Region, filter.Purchaser, filter.ServiceDomain, filter.From, filter.To, filter.Page, PublicListFilter.PageSize, http.RequestAborted));

    private static Task<IResult> ContractListAsync(
        HttpContext http, PublicApi api, string? region = null, string? purchaser = null, string? serviceDomain = null,
        string? from = null, string? to = null, string? page = null) =>
        ListPageAsync<PublicContractList, PublicContractPage>(
            PublicListFilter.Read(ContractsPath, region, purchaser, serviceDomain, from, to, page),
            filter => api.Announcements.ListPublicContractsAsync(
                filter.Region, filter.ServiceDomain, filter.Purchaser, agency: null, tender: null, filter.From, filter.To, filter.Page,
                PublicListFilter.PageSize, http.RequestAborted));

    /// <summary>A list page (component <typeparamref name="TPage"/> with Filter, Found and Refusal) with what the API found for the filter.</summary>
    private static async Task<IResult> ListPageAsync<TPage, TFound>(PublicListFilter filter, Func<PublicListFilter, Task<TFound>> find)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        try
        {
            return new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Filter"] = filter, ["Found"] = await find(filter) });
        }
        catch (ApiException<ProblemDetails> refused) when (refused.StatusCode == StatusCodes.Status400BadRequest)
        {
            // A filter the API refuses (a date range backwards, a page out of range): the list page with the refusal.
            return new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Filter"] = filter, ["Refusal"] = refused.Result.Detail ?? refused.Result.Title })
            {
                StatusCode = StatusCodes.Status400BadRequest,
            };
        }
    }

    /// <summary>
    /// An announcement that exists only from its moment on (the opening record, the result): none while the API answers
    /// 404, which it does until then.
    /// </summary>
    private static async Task<T?> PublishedOrNoneAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (ApiException refused) when (refused.StatusCode == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    /// <summary>A contract's announcement with its signatures checked; none while the API answers 404 (not both signed yet).</summary>
    private static async Task<(PublicContractAnnouncement? Contract, PublicContractVerification? Verification)> ContractOrNoneAsync(
        PublicApi api, Guid id, CancellationToken cancellationToken)
    {
        var contract = await PublishedOrNoneAsync(() => api.Announcements.GetPublicContractAsync(id, cancellationToken));
        var verification = contract is null ? null : await PublishedOrNoneAsync(() => api.Announcements.VerifyPublicContractAsync(id, cancellationToken));
        return (contract, verification);
    }

    /// <summary>The open data's page: the years to download and the latest 30 daily roots of the audit chains.</summary>
    private static async Task<IResult> OpenDataAsync(HttpContext http, PublicApi api)
    {
        var years = await api.OpenData.ListOcdsYearsAsync(http.RequestAborted);
        var roots = await api.Announcements.ListPublicAuditRootsAsync(page: 1, pageSize: 30, cancellationToken: http.RequestAborted);
        return new RazorComponentResult<PublicOpenDataPage>(new { Years = years.ToList(), Roots = roots.Items.ToList() });
    }

    private static async Task<IResult> ContractAsync(Guid id, HttpContext http, PublicApi api)
    {
        var (contract, verification) = await ContractOrNoneAsync(api, id, http.RequestAborted);
        return new RazorComponentResult<PublicContractAnnouncementPage>(new { Contract = contract, Verification = verification })
        {
            StatusCode = contract is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
    }

    private static async Task<IResult> TenderAsync(Guid id, HttpContext http, PublicApi api)
    {
        try
        {
            var announcement = await api.Announcements.GetPublicTenderAsync(id, http.RequestAborted);
            var closed = announcement.BiddingClosedAt is not null;
            var opening = closed ? await PublishedOrNoneAsync(() => api.Announcements.GetPublicOpeningRecordAsync(id, http.RequestAborted)) : null;
            var result = opening is not null ? await PublishedOrNoneAsync(() => api.Announcements.GetPublicAwardResultAsync(id, http.RequestAborted)) : null;

            // The contract announcement, once both parties signed the contract awarded through this tender, with its signatures checked.
            var signed = result is null ? null
                : (await api.Announcements.ListPublicContractsAsync(tender: id, cancellationToken: http.RequestAborted)).Items.FirstOrDefault();
            var (contract, verification) = signed is null ? (null, null) : await ContractOrNoneAsync(api, signed.Id, http.RequestAborted);
            return new RazorComponentResult<PublicTenderPage>(new
            {
                Announcement = announcement, Opening = opening, Result = result, Contract = contract, Verification = verification,
            });
        }
        catch (ApiException refused) when (refused.StatusCode == StatusCodes.Status404NotFound)
        {
            return new RazorComponentResult<PublicTenderPage>(new { Announcement = (PublicTenderAnnouncement?)null })
            {
                StatusCode = StatusCodes.Status404NotFound,
            };
        }
    }
}

/// <summary>
/// What the reader filtered a list by (the tenders by publication day, the contracts by signature day), as the page's
/// query keeps it, and the list's <see cref="Path"/>.
/// </summary>
public sealed record PublicListFilter(
    string? Region, Guid? Purchaser, ServiceDomain? ServiceDomain, DateOnly? From, DateOnly? To, int Page, string Path = PublicPages.TendersPath)
{
    public const int PageSize = 20;

    /// <summary>A filter from the address's query: a value that does not read is left out, so a mangled address still gets the list.</summary>
    public static PublicListFilter Read(string path, string? region, string? purchaser, string? serviceDomain, string? from, string? to, string? page) => new(
        string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
        Guid.TryParse(purchaser, out var unit) ? unit : null,
        Enum.TryParse<ServiceDomain>(serviceDomain, ignoreCase: false, out var domain) && Enum.IsDefined(domain) ? domain : null,
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) ? since : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until) ? until : null,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1,
        path);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Region) && Purchaser is null && ServiceDomain is null && From is null && To is null;

    /// <summary>The list's address with this filter on another page (the culture, when given, kept in the address).</summary>
    public string Href(int page, string? culture = null)
    {
        var query = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("region", Region);
        Add("purchaser", Purchaser?.ToString());
        Add("serviceDomain", ServiceDomain?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        Add("culture", culture);
        return Path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}

/// <summary>
/// The API's anonymous reads for the public pages: no token (these pages have no signed-in person), the reader's
/// language, over a connection pool of its own.
/// </summary>
public sealed class PublicApi : IDisposable
{
    private readonly HttpClient _http;

    public PublicApi(IOptions<PortalOptions> options)
    {
        _http = new HttpClient(new LanguageHandler { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } })
        {
            BaseAddress = options.Value.ApiBaseUri,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Announcements = new PublicAnnouncementsClient(_http);
        OpenData = new OpenDataClient(_http);
    }

    public IPublicAnnouncementsClient Announcements { get; }

    public IOpenDataClient OpenData { get; }

    public void Dispose() => _http.Dispose();

    private sealed class LanguageHandler : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.AcceptLanguage.Clear();
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : "zh-CN"));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
