using System.Net;
using System.Text.Json;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Testing.Platform;

/// <summary>A service program as a purchaser sends it (<c>POST /api/programs</c>).</summary>
public sealed record NewProgram(string? Name, string? Region, string? ServiceDomain, DateOnly? ActiveFrom, DateOnly? ActiveUntil = null);

/// <summary>
/// A tender as a purchaser sends it (<c>POST /api/tenders</c>); every field may be left out to test refusals.
/// <see cref="Standard"/> fills in the content a complete tender carries.
/// </summary>
public sealed record NewTender(
    Guid? ProgramId, string? Title, decimal? BudgetCeiling, DateTimeOffset? BidDeadline, DateOnly? ServiceStart, DateOnly? ServiceEnd,
    string? ProcurementMethod = null,
    EvaluationSchemeBody? EvaluationScheme = null,
    StaffingBody? StaffingRequirement = null,
    IReadOnlyList<string>? Eligibility = null,
    IReadOnlyList<KpiBody>? Kpis = null,
    PaymentScheduleBody? PaymentSchedule = null,
    PersonnelCostBody? PersonnelCost = null,
    decimal? BidSecurity = null,
    string? ServiceDescription = null)
{
    /// <summary>A complete tender with <see cref="StandardTenderContent"/>.</summary>
    public static NewTender Standard(
        Guid programId, string title, decimal budgetCeiling, DateTimeOffset bidDeadline, DateOnly serviceStart, DateOnly serviceEnd) =>
        StandardTenderContent.ApplyTo(new NewTender(programId, title, budgetCeiling, bidDeadline, serviceStart, serviceEnd));
}

public sealed record CriterionBody(string Name, string Kind, decimal MaxPoints);

public sealed record EvaluationSchemeBody(IReadOnlyList<CriterionBody> Criteria, bool FixedPrice);

public sealed record StaffingBody(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors);

public sealed record KpiBody(string Name, string Unit, decimal Target);

public sealed record InstalmentBody(decimal Percent, string Condition);

public sealed record PaymentScheduleBody(IReadOnlyList<InstalmentBody> Instalments);

public sealed record PayFloorBody(string Level, decimal MonthlyPay);

public sealed record PersonnelCostBody(decimal MinimumPersonnelShare, IReadOnlyList<PayFloorBody> PayFloors);

/// <summary>
/// The content a purchaser fills in for an ordinary public tender of social-work services: price 30 points,
/// service plan 60, past performance 10; three certified workers, one at intermediate level or above, one
/// supervisor; two KPIs; the default 30/40/30 payment schedule; 60 % personnel share with pay floors; no bid security;
/// a service description.
/// </summary>
public static class StandardTenderContent
{
    public const string Method = "PublicTender";

    public static EvaluationSchemeBody Scheme { get; } = new(
        [new("Price", "Price", 30m), new("Service plan", "Technical", 60m), new("Past performance", "PastPerformance", 10m)], FixedPrice: false);

    public static StaffingBody Staffing { get; } = new(3, 1, 1);

    public static IReadOnlyList<string> Eligibility { get; } =
        ["A social organisation registered with civil affairs", "No serious violation of law in the last three years"];

    public static IReadOnlyList<KpiBody> Kpis { get; } = [new("Service hours", "hours", 2400m), new("People served", "people", 300m)];

    public static PaymentScheduleBody Payment { get; } = new([new(30m, "Activation"), new(40m, "MidTermPassed"), new(30m, "FinalPassed")]);

    public static PersonnelCostBody PersonnelCost { get; } = new(0.60m, [new("Assistant", 4500.00m), new("Intermediate", 5500.00m)]);

    /// <summary>服务内容: required to publish.</summary>
    public const string ServiceDescription = "Home visits, meal and medical escort and psychological support for elders living alone in the district.";

    public static NewTender ApplyTo(NewTender tender) => tender with
    {
        ProcurementMethod = Method,
        EvaluationScheme = Scheme,
        StaffingRequirement = Staffing,
        Eligibility = Eligibility,
        Kpis = Kpis,
        PaymentSchedule = Payment,
        PersonnelCost = PersonnelCost,
        ServiceDescription = ServiceDescription,
    };
}

/// <summary>The staff a tender asks for, as an agency sees it.</summary>
public sealed record StaffingView(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors);

/// <summary>What <c>GET /api/bids/open-tenders</c> shows an agency; <see cref="BidDeadlineLocal"/> exactly as sent.</summary>
public sealed record OpenTenderView(
    Guid TenderId, Guid ProgramId, string Title, decimal BudgetCeiling, DateTimeOffset BidDeadline, string BidDeadlineLocal, string TimeZone,
    DateOnly ServiceStart, DateOnly ServiceEnd, string ProcurementMethod, StaffingView Staffing, IReadOnlyList<string> Eligibility);

/// <summary>
/// The first slice (a purchaser publishes a tender, agencies find it) as calls on the public entry, shared
/// by the integration tests and the acceptance steps.
/// </summary>
public static class SliceApi
{
    /// <summary>How long an agency waits for a published tender to reach Bidding.</summary>
    public static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    public static async Task<Guid> CreateProgramAsync(this HttpClient purchaser, string name, string region, string serviceDomain = "Elderly")
    {
        var today = DateTimeOffset.UtcNow.ShanghaiDate();
        using var response = await purchaser.PostJsonAsync("/api/programs", new NewProgram(name, region, serviceDomain, today, today.AddYears(10)));
        await ExpectAsync(response, HttpStatusCode.Created, "creating the program");
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> SendTenderAsync(this HttpClient caller, NewTender tender) =>
        caller.PostJsonAsync("/api/tenders", tender);

    public static async Task<Guid> DraftTenderAsync(this HttpClient purchaser, NewTender tender)
    {
        using var response = await purchaser.SendTenderAsync(tender);
        await ExpectAsync(response, HttpStatusCode.Created, "drafting the tender");
        return (await response.ReadJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> SendPublishAsync(this HttpClient caller, Guid tenderId) =>
        caller.PostAsync(new Uri($"/api/tenders/{tenderId}/publish", UriKind.Relative), content: null);

    public static async Task PublishTenderAsync(this HttpClient purchaser, Guid tenderId)
    {
        using var response = await purchaser.SendPublishAsync(tenderId);
        await ExpectAsync(response, HttpStatusCode.OK, "publishing the tender");
    }

    public static async Task<OpenTenderView[]> OpenTendersAsync(this HttpClient agency)
    {
        using var response = await agency.GetAsync(new Uri("/api/bids/open-tenders", UriKind.Relative));
        await ExpectAsync(response, HttpStatusCode.OK, "listing the open tenders");
        return await response.ReadJsonAsync<OpenTenderView[]>();
    }

    /// <summary>Polls the open tenders until <paramref name="tenderId"/> is among them; null when it is not within <paramref name="timeout"/>.</summary>
    public static async Task<OpenTenderView?> WaitForOpenTenderAsync(this HttpClient agency, Guid tenderId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DeliveryTimeout);
        while (true)
        {
            var found = (await agency.OpenTendersAsync()).FirstOrDefault(t => t.TenderId == tenderId);
            if (found is not null || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The instant of <paramref name="time"/> on the Beijing calendar day <paramref name="date"/>.</summary>
    public static DateTimeOffset BeijingTime(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), TimeSpan.FromHours(8));

    /// <summary>Today's date in Beijing.</summary>
    public static DateOnly BeijingToday() => DateTimeOffset.UtcNow.ShanghaiDate();

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"{what}: expected {(int)expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
