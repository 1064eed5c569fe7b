using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Contracts.Evaluation;
using Procurement.Contracts.Tendering;

namespace Procurement.Testing.Platform;

/// <summary>A contract as <c>GET /api/contracts/{id}</c> shows it (the parts the acceptance steps read).</summary>
public sealed record ContractView(
    Guid Id, Guid? TenderId, Guid ProgramId, Guid AgencyId, Guid? BidId, string State, IReadOnlyList<string> PermittedTriggers, ContractSignatures Signatures,
    decimal Amount, DateOnly Start, DateOnly End, int TermsVersion, Guid? PredecessorId, Guid? SuccessorId, string? TerminationReason, decimal? AmountPaid);

public sealed record ContractSignatures(ContractSignature Purchaser, ContractSignature Agency);

public sealed record ContractSignature(DateTimeOffset? SignedAt, Guid? SignedBy);

/// <summary>One version of a contract's terms (<c>GET /api/contracts/{id}/versions</c>).</summary>
public sealed record ContractTermsVersionView(int Number, bool Current, decimal Amount, DateOnly Start, DateOnly End, string? ReasonCode, string? Text, int? BridgeMonths);

/// <summary>One entry of a contract's history (<c>GET /api/contracts/{id}/history</c>); <c>Trigger</c> is null for the drafting.</summary>
public sealed record ContractHistoryEntry(int Sequence, string? Trigger, string From, string To, string? Reason, string? Party, DateTimeOffset OccurredAt);

/// <summary>A refusal's body as far as the steps read it.</summary>
public sealed record ContractRefusal(string Type, string Detail, string? State, IReadOnlyList<string>? AllowedTriggers);

/// <summary>Contracts as calls on the public entry, for the acceptance steps of Features/Contracting.</summary>
public static class ContractingApi
{
    /// <summary>
    /// Sets the scene for Contracting as Evaluation would: publishes <see cref="AwardConfirmed"/> into the embedded host's bus.
    /// </summary>
    public static Task ConfirmAwardAsync(this EmbeddedPlatform platform, AwardConfirmed award)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return platform.Host.Services.GetRequiredService<IBus>().Publish(award);
    }

    /// <summary>A confirmed award with the standard KPIs and the default 30/40/30 payment schedule.</summary>
    public static AwardConfirmed Award(
        string title, Guid purchasingUnitId, Guid agencyId, string agencyName, decimal amount, DateOnly start, DateOnly end, DateTimeOffset now) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), purchasingUnitId, Guid.NewGuid(), agencyId, agencyName, "PublicTender", amount, start, end,
        [new KpiTerms("Service hours", "hours", 2400m), new KpiTerms("Satisfaction", "%", 90m)],
        [new InstalmentTerms(30m, "Activation"), new InstalmentTerms(40m, "MidTermPassed"), new InstalmentTerms(30m, "FinalPassed")],
        DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime), now);

    /// <summary>Waits until the contract of a tender is listed to the caller; null when it is not within <paramref name="patience"/>.</summary>
    public static async Task<ContractView?> WaitForContractOfTenderAsync(this HttpClient client, Guid tenderId, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(client);
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var listed = (await ApiAnswer.ReadAsync(client.GetAsync(new Uri($"/api/contracts?tenderId={tenderId}", UriKind.Relative))))
                .Expect(HttpStatusCode.OK, "listing contracts").Json<ContractView[]>();
            if (listed.Length > 0)
            {
                return await client.ContractAsync(listed[0].Id);
            }

            if (DateTime.UtcNow > until)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the contract is in one of <paramref name="states"/>; returns it as last read.</summary>
    public static async Task<ContractView> WaitForContractStateAsync(this HttpClient client, Guid contractId, TimeSpan patience, params string[] states)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            var contract = await client.ContractAsync(contractId);
            if (states.Contains(contract.State) || DateTime.UtcNow > until)
            {
                return contract;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<ContractView> ContractAsync(this HttpClient client, Guid contractId) =>
        (await client.ReadContractAsync(contractId)).Expect(HttpStatusCode.OK, "reading a contract").Json<ContractView>();

    public static Task<ApiAnswer> ReadContractAsync(this HttpClient client, Guid contractId) =>
        ApiAnswer.ReadAsync(client.GetAsync(new Uri($"/api/contracts/{contractId}", UriKind.Relative)));

    public static async Task<ContractView[]> ContractsAsync(this HttpClient client, string query = "") =>
        (await ApiAnswer.ReadAsync(client.GetAsync(new Uri($"/api/contracts{query}", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "listing contracts").Json<ContractView[]>();

    public static async Task<ContractTermsVersionView[]> ContractVersionsAsync(this HttpClient client, Guid contractId) =>
        (await ApiAnswer.ReadAsync(client.GetAsync(new Uri($"/api/contracts/{contractId}/versions", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the contract's versions").Json<ContractTermsVersionView[]>();

    public static async Task<ContractHistoryEntry[]> ContractHistoryAsync(this HttpClient client, Guid contractId) =>
        (await ApiAnswer.ReadAsync(client.GetAsync(new Uri($"/api/contracts/{contractId}/history", UriKind.Relative))))
        .Expect(HttpStatusCode.OK, "reading the contract's history").Json<ContractHistoryEntry[]>();

    public static Task<ApiAnswer> SignContractAsync(this HttpClient client, Guid contractId) =>
        ApiAnswer.ReadAsync(client.PostAsync(new Uri($"/api/contracts/{contractId}/sign", UriKind.Relative), content: null));

    public static Task<ApiAnswer> CompleteContractAsync(this HttpClient client, Guid contractId) =>
        ApiAnswer.ReadAsync(client.PostAsync(new Uri($"/api/contracts/{contractId}/complete", UriKind.Relative), content: null));

    public static Task<ApiAnswer> AmendContractAsync(this HttpClient client, Guid contractId, string reasonCode, string text, decimal? amount = null, DateOnly? end = null) =>
        ApiAnswer.ReadAsync(client.PostJsonAsync($"/api/contracts/{contractId}/amendments", new { reasonCode, text, amount, end }));

    public static Task<ApiAnswer> TerminateContractAsync(this HttpClient client, Guid contractId, string? reason, decimal amountPaid) =>
        ApiAnswer.ReadAsync(client.PostJsonAsync($"/api/contracts/{contractId}/terminate", new { reason, amountPaid }));

    public static Task<ApiAnswer> RenewContractAsync(this HttpClient client, Guid contractId, DateOnly end, decimal amount) =>
        ApiAnswer.ReadAsync(client.PostJsonAsync($"/api/contracts/{contractId}/renew", new { end, amount }));
}
