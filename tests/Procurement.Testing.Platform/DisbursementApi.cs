using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Procurement.Testing.Platform;

/// <summary>An instalment as <c>GET /api/disbursements/instalments</c> shows it (the fields the tests read).</summary>
public sealed record InstalmentView(
    Guid Id, Guid ContractId, int Sequence, string Condition, decimal Amount, string Status, DateOnly? DueOn, DateOnly? PayBy,
    int? DaysFromDue, bool Late, DateTimeOffset? FlaggedOverdueAt, string? WithholdReason, string? RejectionReason, DateOnly? PaidOn);

/// <summary>A contract's payments as <c>GET /api/disbursements/contracts/{id}</c> reports them.</summary>
public sealed record DisbursementReport(
    Guid ContractId, decimal Amount, decimal Scheduled, decimal Due, decimal Paid, decimal Outstanding, decimal Late, int LateCount,
    IReadOnlyList<InstalmentView> Instalments);

public sealed record OcdsPartyReference(string Id);

public sealed record OcdsAmount(decimal Amount, string Currency);

/// <summary>One OCDS <c>implementation.transactions</c> entry.</summary>
public sealed record OcdsPayment(string Id, string Source, DateTimeOffset Date, OcdsAmount Value, OcdsPartyReference Payer, OcdsPartyReference Payee);

/// <summary>The payment flow of Disbursement as calls on the public entry, for the acceptance steps of Features/Disbursement.</summary>
public static class DisbursementApi
{
    public static async Task SetAppropriationAsync(this HttpClient purchaser, Guid programId, int fiscalYear, decimal amount) =>
        (await ApiAnswer.ReadAsync(purchaser.PutAsJsonAsync(new Uri("/api/disbursements/appropriations", UriKind.Relative),
            new { programId, fiscalYear, amount }, JsonSerializerOptions.Web)))
        .Expect(HttpStatusCode.OK, "setting the appropriation");

    public static Task<ApiAnswer> DisbursementReportAsync(this HttpClient reader, Guid contractId) =>
        ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/disbursements/contracts/{contractId}", UriKind.Relative)));

    public static async Task<IReadOnlyList<OcdsPayment>> OcdsPaymentsAsync(this HttpClient reader, Guid contractId)
    {
        var answer = (await ApiAnswer.ReadAsync(reader.GetAsync(new Uri($"/api/disbursements/contracts/{contractId}/ocds-transactions", UriKind.Relative))))
            .Expect(HttpStatusCode.OK, "reading the OCDS transactions");
        var transactions = answer.Json<JsonElement>().GetProperty("implementation").GetProperty("transactions");
        return transactions.Deserialize<OcdsPayment[]>(JsonSerializerOptions.Web) ?? [];
    }

    /// <summary>The agency requests an instalment, with a fresh idempotency key unless one is given.</summary>
    public static Task<ApiAnswer> RequestInstalmentAsync(this HttpClient agency, Guid instalmentId, string? idempotencyKey = null) =>
        PostAsync(agency, $"/api/disbursements/instalments/{instalmentId}/request", idempotencyKey ?? Guid.NewGuid().ToString());

    public static Task<ApiAnswer> ApproveInstalmentAsync(this HttpClient purchaser, Guid instalmentId) =>
        PostAsync(purchaser, $"/api/disbursements/instalments/{instalmentId}/approve", null);

    public static Task<ApiAnswer> ReleaseInstalmentAsync(this HttpClient releaser, Guid instalmentId, string? idempotencyKey = null) =>
        PostAsync(releaser, $"/api/disbursements/instalments/{instalmentId}/release", idempotencyKey ?? Guid.NewGuid().ToString());

    public static Task<ApiAnswer> ConfirmInstalmentPaidAsync(this HttpClient treasury, Guid instalmentId) =>
        PostAsync(treasury, $"/api/disbursements/instalments/{instalmentId}/confirm-payment", null);

    /// <summary><paramref name="decision"/> is <c>resume</c> or <c>withhold</c>.</summary>
    public static Task<ApiAnswer> DecideWithheldInstalmentAsync(this HttpClient purchaser, Guid instalmentId, string decision, string reason) =>
        PostAsync(purchaser, $"/api/disbursements/instalments/{instalmentId}/withholding-decision", null, new { decision, reason });

    private static Task<ApiAnswer> PostAsync(HttpClient client, string path, string? idempotencyKey, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body ?? new { }, options: JsonSerializerOptions.Web),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return ApiAnswer.ReadAsync(SendAsync(client, request));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request);
        }
    }
}
