using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Procurement.Testing.Platform;

/// <summary>An agency's question about a published tender as any reader sees it: never who asked.</summary>
public sealed record QuestionView(
    Guid Id, string Question, DateTimeOffset AskedAt, string? Answer, DateTimeOffset? AnsweredAt, bool ChangesBids, bool Mine);

/// <summary>An amendment (<c>POST /api/tenders/{id}/amendments</c>); parts left out stay as they are.</summary>
public sealed record NewAmendment(string Description, decimal? BudgetCeiling = null, DateTimeOffset? BidDeadline = null);

/// <summary>What the purchaser is told about a published amendment.</summary>
public sealed record AmendmentView(
    int Number, string Description, bool ChangesBids, IReadOnlyList<string> ChangedFields,
    DateTimeOffset PreviousBidDeadline, DateTimeOffset NewBidDeadline, bool DeadlineMoved, bool DeadlineMovedByMargin, DateTimeOffset AmendedAt);

/// <summary>An agency's profile in Bidding (<c>PUT /api/agencies/me</c>).</summary>
public sealed record AgencyProfileBody(string Name, string UnifiedSocialCreditCode, DateOnly RegistrationDate, string Address, IReadOnlyList<ContactBody> Contacts);

public sealed record ContactBody(string Name, string Phone, string Email);

/// <summary>A roster member as the agency adds it (<c>POST /api/agencies/me/staff</c>).</summary>
public sealed record WorkerBody(string Name, string IdNumber, string CertificateLevel, string? CertificateNumber, bool IsSupervisor);

public sealed record CostsBody(decimal Personnel, decimal Activities, decimal Administration, decimal Other);

public sealed record StaffingLineBody(Guid WorkerId, decimal Fte, decimal MonthlyPay);

public sealed record BidContentBody(
    decimal Price, CostsBody Costs, IReadOnlyList<StaffingLineBody> Staffing, string TechnicalProposal, string? AbnormallyLowExplanation = null);

/// <summary>The receipt an agency keeps: bid, version, server time and the SHA-256 of the sealed content.</summary>
public sealed record BidReceipt(Guid BidId, Guid TenderId, int Version, DateTimeOffset ServerTime, string Sha256, string Status);

/// <summary>An agency's own bid as <c>GET /api/bids/mine</c> shows it (the content only as far as the tests read it).</summary>
public sealed record OwnBid(Guid BidId, Guid TenderId, string TenderTitle, DateTimeOffset BidDeadline, string Status, int Version, BidReceipt Receipt, OwnBidContent Content);

public sealed record OwnBidContent(decimal Price);

public sealed record OpeningEntry(Guid BidId, Guid AgencyId, string AgencyName, decimal Price, string ReceiptHash, int BidVersion);

public sealed record OpeningRecord(Guid TenderId, string TenderTitle, DateTimeOffset OpenedAt, IReadOnlyList<OpeningEntry> Bids);

/// <summary>An answer kept for checking: status and body.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body)
{
    public static async Task<ApiAnswer> ReadAsync(Task<HttpResponseMessage> sending)
    {
        ArgumentNullException.ThrowIfNull(sending);
        using var response = await sending;
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public T Json<T>() => JsonSerializer.Deserialize<T>(Body, JsonSerializerOptions.Web)
                          ?? throw new InvalidOperationException($"{(int)Status}: cannot read {typeof(T).Name} from {Body}");

    public ApiAnswer Expect(HttpStatusCode expected, string what) => Status == expected
        ? this
        : throw new InvalidOperationException($"{what}: expected {(int)expected} but got {(int)Status}: {Body}");
}

/// <summary>
/// Questions, amendments and bids as calls on the public entry, for the acceptance steps of Features/Tendering.
/// </summary>
public static class TenderingApi
{
    private static int _people;

    public static async Task<ApiAnswer> AskAsync(this HttpClient agency, Guid tenderId, string text) =>
        (await ApiAnswer.ReadAsync(agency.PostJsonAsync($"/api/tenders/{tenderId}/questions", new { text })))
        .Expect(HttpStatusCode.Created, "asking a question");

    public static async Task AnswerAsync(this HttpClient purchaser, Guid tenderId, Guid questionId, string answer, bool changesBids = false) =>
        (await ApiAnswer.ReadAsync(purchaser.PostJsonAsync($"/api/tenders/{tenderId}/questions/{questionId}/answer", new { answer, changesBids })))
        .Expect(HttpStatusCode.OK, "answering a question");

    public static async Task<QuestionView[]> QuestionsAsync(this HttpClient reader, Guid tenderId) =>
        (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/tenders/{tenderId}/questions", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the questions").Json<QuestionView[]>();

    public static async Task<AmendmentView> AmendAsync(this HttpClient purchaser, Guid tenderId, NewAmendment amendment) =>
        (await ApiAnswer.ReadAsync(purchaser.PostJsonAsync($"/api/tenders/{tenderId}/amendments", amendment)))
        .Expect(HttpStatusCode.Created, "amending the tender").Json<AmendmentView>();

    /// <summary>Creates or updates the caller's Bidding profile.</summary>
    public static async Task RegisterAgencyAsync(this HttpClient agency, AgencyProfileBody profile)
    {
        var answer = await ApiAnswer.ReadAsync(agency.PutAsJsonAsync(new Uri("/api/agencies/me", UriKind.Relative), profile, JsonSerializerOptions.Web));
        if (answer.Status is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"registering the agency: {(int)answer.Status} {answer.Body}");
        }
    }

    public static async Task<Guid> AddWorkerAsync(this HttpClient agency, WorkerBody worker) =>
        (await ApiAnswer.ReadAsync(agency.PostJsonAsync("/api/agencies/me/staff", worker)))
        .Expect(HttpStatusCode.Created, "adding a social worker").Json<JsonElement>().GetProperty("id").GetGuid();

    public static Task<ApiAnswer> SubmitBidAsync(this HttpClient agency, Guid tenderId, BidContentBody content) =>
        ApiAnswer.ReadAsync(agency.PostJsonAsync("/api/bids", new { tenderId, content }));

    public static Task<ApiAnswer> ReviseBidAsync(this HttpClient agency, Guid bidId, BidContentBody content) =>
        ApiAnswer.ReadAsync(agency.PutAsJsonAsync(new Uri($"/api/bids/{bidId}", UriKind.Relative), new { content }, JsonSerializerOptions.Web));

    public static Task<ApiAnswer> WithdrawBidAsync(this HttpClient agency, Guid bidId) =>
        ApiAnswer.ReadAsync(agency.PostAsync(new Uri($"/api/bids/{bidId}/withdraw", UriKind.Relative), content: null));

    public static Task<ApiAnswer> ConfirmBidAsync(this HttpClient agency, Guid bidId) =>
        ApiAnswer.ReadAsync(agency.PostAsync(new Uri($"/api/bids/{bidId}/confirm", UriKind.Relative), content: null));

    public static Task<ApiAnswer> BidAsync(this HttpClient agency, Guid bidId) =>
        ApiAnswer.ReadAsync(agency.GetAsync(new Uri($"/api/bids/{bidId}", UriKind.Relative)));

    public static async Task<OwnBid[]> MyBidsAsync(this HttpClient agency) =>
        (await ApiAnswer.ReadAsync(agency.GetAsync(new Uri("/api/bids/mine", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "listing my bids").Json<OwnBid[]>();

    public static Task<ApiAnswer> OpeningAsync(this HttpClient reader, Guid tenderId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/bids/openings/{tenderId}", UriKind.Relative)));

    /// <summary>
    /// A valid mainland ID number no other call in this process has returned: region 440305, a birth date
    /// counted up from 1980-01-01, sequence 101, and the GB 11643 check character.
    /// </summary>
    public static string NewIdNumber()
    {
        var n = Interlocked.Increment(ref _people);
        var birth = new DateOnly(1980, 1, 1).AddDays(n);
        var body = $"440305{birth:yyyyMMdd}101";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
