using System.Security.Claims;
using AntDesign;
using AntDesign.JsInterop;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Client;
using Procurement.Portal.Tests.Continuity;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Tests.Payments;

/// <summary>The portal's bUnit context for the payment pages: AntDesign's Alert measured, a person with a user id and an organisation.</summary>
public abstract class PaymentPageContext : PortalContext
{
    protected static readonly Guid Unit = Guid.Parse("11111111-0000-0000-0000-000000000001");
    protected static readonly Guid Agency = Guid.Parse("22222222-0000-0000-0000-000000000002");
    protected static readonly Guid Treasury = Guid.Parse("33333333-0000-0000-0000-000000000003");
    protected static readonly Guid Contract = Guid.Parse("44444444-0000-0000-0000-000000000004");

    protected PaymentPageContext(string culture = "zh-CN")
        : base(culture)
    {
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        Services.AddSingleton(TimeProvider.System);
        Programs.Answer(nameof(IServiceProgramsClient.ListProgramsAsync), _ => ProgramsRead.ToList());
        Services.AddSingleton(Programs.Client);
    }

    /// <summary>The programs API: <see cref="ProgramsRead"/> are the programs the signed-in person reads (none unless a test adds them).</summary>
    internal ApiFake<IServiceProgramsClient> Programs { get; } = ApiFake<IServiceProgramsClient>.Create();

    internal List<ProgramResponse> ProgramsRead { get; } = [];

    /// <summary>Signs in <paramref name="userId"/> of <paramref name="organisation"/> with <paramref name="role"/>.</summary>
    protected void SignInAs(string userId, string role, Guid organisation)
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized(userId);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ProcurementClaims.Subject, userId), new Claim(ProcurementClaims.OrganisationId, organisation.ToString()));
    }

    internal static InstalmentResponse Instalment(
        int sequence, string status, decimal amount, string? requestedBy = null, string? approvedBy = null, bool late = false,
        DateOnly? dueOn = null, DateOnly? payBy = null, int? daysFromDue = null, Guid? unit = null) => new()
    {
        Id = Guid.NewGuid(),
        ContractId = Contract,
        ProgramId = Guid.NewGuid(),
        PurchasingUnitId = unit ?? Unit,
        AgencyId = Agency,
        Sequence = sequence,
        Percent = 30m,
        Condition = sequence == 1 ? "Activation" : "MidTermPassed",
        Amount = amount,
        Currency = "CNY",
        Status = status,
        DueOn = dueOn,
        PayBy = payBy,
        DaysFromDue = daysFromDue,
        Late = late,
        RequestedBy = requestedBy,
        ApprovedBy = approvedBy,
        Version = 1,
    };
}

/// <summary>
/// The instalments API as the payments page sees it: the listed instalments, and every step recorded with its
/// Idempotency-Key. <see cref="Hold"/> keeps the next steps from answering until released (two clicks in flight);
/// <see cref="HoldEach"/> answers them one by one; <see cref="FailNext"/> refuses the next step once.
/// </summary>
internal sealed class FakeDisbursements(params InstalmentResponse[] instalments) : IDisbursementsClient
{
    private readonly Dictionary<string, InstalmentResponse> _answered = new(StringComparer.Ordinal);

    public List<(string Step, Guid Id, string? Key)> Steps { get; } = [];

    public TaskCompletionSource? Hold { get; set; }

    public int? FailNext { get; set; }

    /// <summary>One gate per step in the order the steps are sent: step n answers when the n-th is released (none: at once).</summary>
    public List<TaskCompletionSource> HoldEach { get; } = [];

    public Task<ICollection<InstalmentResponse>> ListInstalmentsAsync(Guid? contractId, string? status, CancellationToken cancellationToken) =>
        Task.FromResult<ICollection<InstalmentResponse>>([.. instalments.Where(i => contractId is null || i.ContractId == contractId)]);

    public Task<InstalmentResponse> GetInstalmentAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<InstalmentResponse> ApproveInstalmentAsync(Guid id, CancellationToken cancellationToken) => StepAsync("approve", id, null, "Approved");

    public Task<InstalmentResponse> ConfirmInstalmentPaymentAsync(Guid id, CancellationToken cancellationToken) => StepAsync("confirm", id, null, "Paid");

    public Task<InstalmentResponse> RejectInstalmentAsync(Guid id, ReasonRequest body, CancellationToken cancellationToken) => StepAsync("reject:" + body.Reason, id, null, "Rejected");

    public Task<InstalmentResponse> ReleaseInstalmentAsync(Guid id, string idempotency_Key, CancellationToken cancellationToken) => StepAsync("release", id, idempotency_Key, "Released");

    public Task<InstalmentResponse> RequestInstalmentAsync(Guid id, string idempotency_Key, CancellationToken cancellationToken) => StepAsync("request", id, idempotency_Key, "Requested");

    public Task<InstalmentResponse> DecideWithheldInstalmentAsync(Guid id, WithholdingDecisionRequest body, CancellationToken cancellationToken) =>
        StepAsync($"decide:{body.Decision}:{body.Reason}", id, null, body.Decision == "resume" ? "Due" : "Withheld");

    private async Task<InstalmentResponse> StepAsync(string step, Guid id, string? key, string to)
    {
        Steps.Add((step, id, key));
        if (Hold is { } hold)
        {
            await hold.Task;
        }

        if (Steps.Count <= HoldEach.Count)
        {
            await HoldEach[Steps.Count - 1].Task;
        }

        if (FailNext is { } status)
        {
            FailNext = null;
            throw new ApiException("failed", status, null, new Dictionary<string, IEnumerable<string>>(), null);
        }

        // As the API: a step sent again with the key of one already answered changes nothing.
        if (key is not null && _answered.TryGetValue(key, out var answered))
        {
            return answered;
        }

        var instalment = instalments.Single(i => i.Id == id);
        instalment.Status = to;
        if (key is not null)
        {
            _answered[key] = instalment;
        }

        return instalment;
    }
}
