using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Contracts;

/// <summary>
/// The contracts API for the contract screens' tests: one contract (<see cref="Contract"/>), the lifecycle as the docs keep
/// it (generated from the machine), and a record of what was fired. A refusal set in <see cref="Refusal"/> answers every action.
/// </summary>
internal sealed class FakeContracts : IContractsClient
{
    public ContractView Contract { get; set; } = ContractData.View(ContractState.Active, []);

    public List<ContractSummary> Summaries { get; } = [];

    public List<(ContractTrigger Trigger, object? Body)> Fired { get; } = [];

    public ApiException? Refusal { get; set; }

    public Task<ICollection<ContractSummary>> ListContractsAsync(Guid? programId = null, Guid? tenderId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<ContractSummary>>([.. Summaries]);

    public Task<string> ContractLifecycleAsync(CancellationToken cancellationToken = default) => Task.FromResult(ContractData.Mermaid);

    public Task<ContractNotificationInboxResponse> ListContractNotificationsAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The contract screens do not read the contract inbox.");

    public Task<ContractNotificationResponse> MarkContractNotificationReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The contract screens do not read the contract inbox.");

    public Task<ContractView> GetContractAsync(Guid id, CancellationToken cancellationToken = default) => Task.FromResult(Contract);

    public Task<ICollection<ActivityView>> ContractHistoryAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<ActivityView>>(
        [
            new() { Sequence = 1, From = ContractState.Draft, To = ContractState.Draft, OccurredAt = ContractData.Now.AddDays(-40), TermsVersion = 1 },
            new() { Sequence = 2, Trigger = ContractTrigger.Sign, Party = ContractParty.Purchaser, From = ContractState.Draft, To = ContractState.PendingSignature, OccurredAt = ContractData.Now.AddDays(-39), TermsVersion = 1 },
        ]);

    public Task<ICollection<TermsVersionView>> ContractVersionsAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<TermsVersionView>>(
        [
            new() { Number = 1, Current = true, Amount = Contract.Amount, Start = Contract.Start, End = Contract.End, PaymentTermDays = 30, CreatedAt = ContractData.Now.AddDays(-40) },
        ]);

    public Task<ContractView> SignContractAsync(Guid id, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Sign, null, ContractState.PendingSignature);

    public Task<ContractView> SetContractPaymentTermAsync(Guid id, PaymentTermRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.SetPaymentTerm, body, Contract.State);

    public Task<ContractView> AmendContractAsync(Guid id, AmendContractRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Amend, body, Contract.State);

    public Task<ContractView> ExtendContractBridgeAsync(Guid id, BridgeExtensionRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.ExtendBridge, body, Contract.State);

    public Task<ContractView> SuspendContractAsync(Guid id, SuspendContractRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Suspend, body, ContractState.Suspended);

    public Task<ContractView> ResumeContractAsync(Guid id, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Resume, null, ContractState.Active);

    public Task<ContractView> RenewContractAsync(Guid id, RenewContractRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Renew, body, ContractState.Renewed);

    public Task<ContractView> CompleteContractAsync(Guid id, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Complete, null, ContractState.Completed);

    public Task<ContractView> TerminateContractAsync(Guid id, TerminateContractRequest body, CancellationToken cancellationToken = default) => Fire(ContractTrigger.Terminate, body, ContractState.Terminated);

    private Task<ContractView> Fire(ContractTrigger trigger, object? body, ContractState after)
    {
        if (Refusal is { } refusal)
        {
            throw refusal;
        }

        Fired.Add((trigger, body));
        var signatures = Contract.Signatures;
        Contract = ContractData.View(after, Contract.PermittedTriggers.Where(t => t != trigger).ToList());
        Contract.Signatures = signatures;
        if (trigger == ContractTrigger.Sign)
        {
            Contract.Signatures.Agency = new SignatureView { SignedAt = ContractData.Now };
        }

        return Task.FromResult(Contract);
    }
}

/// <summary>The contract of the tests: ¥960,000.00 from 2027-01-01 to 2027-12-31, schedule 30/40/30, read on 2027-03-01.</summary>
internal static class ContractData
{
    public static readonly Guid ContractId = Guid.Parse("01930000-0000-7000-8000-00000000c001");
    public static readonly Guid ProgramId = Guid.Parse("01930000-0000-7000-8000-000000000001");
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The lifecycle diagram docs/contract-lifecycle.md keeps (a test in Contracting checks it against the machine).</summary>
    public static string Mermaid { get; } = ReadMermaid();

    public static ContractView View(ContractState state, IReadOnlyList<ContractTrigger> permitted) => new()
    {
        Id = ContractId,
        ProgramId = ProgramId,
        PurchasingUnitId = Guid.Parse("01930000-0000-7000-8000-0000000000a1"),
        AgencyId = Guid.Parse("01930000-0000-7000-8000-0000000000b1"),
        AgencyName = "阳光社工服务中心",
        State = state,
        PermittedTriggers = [.. permitted],
        Signatures = new SignaturesView { Purchaser = new SignatureView { SignedAt = Now.AddDays(-39) }, Agency = new SignatureView() },
        Amount = 960_000m,
        Start = new DateOnly(2027, 1, 1),
        End = new DateOnly(2027, 12, 31),
        Kpis = [new ContractKpi { Name = "服务时长", Unit = "小时", Target = 1200m }],
        PaymentSchedule =
        [
            new ContractInstalment { Percent = 30m, Condition = "activation" },
            new ContractInstalment { Percent = 40m, Condition = "midTermPassed" },
            new ContractInstalment { Percent = 30m, Condition = "finalPassed" },
        ],
        PaymentTermDays = 30,
        TermsVersion = 1,
        MonthlyRate = 80_000m,
        Evaluations = [],
    };

    public static ContractSummary Summary(ContractState state, DateOnly end, Guid? programId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        ProgramId = programId ?? ProgramId,
        AgencyName = "阳光社工服务中心",
        State = state,
        Amount = 960_000m,
        Start = new DateOnly(2027, 1, 1),
        End = end,
        TermsVersion = 1,
    };

    private static string ReadMermaid()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder!.FullName, "Procurement.sln")))
        {
            folder = folder.Parent;
        }

        var docs = File.ReadAllText(Path.Combine(folder.FullName, "docs", "contract-lifecycle.md"));
        var start = docs.IndexOf("```mermaid", StringComparison.Ordinal) + "```mermaid".Length;
        return docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
