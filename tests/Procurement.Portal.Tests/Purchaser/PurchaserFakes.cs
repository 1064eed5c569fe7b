using Procurement.Portal.Client;

namespace Procurement.Portal.Tests.Purchaser;

/// <summary>A clock standing still at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>The API's refusals as the generated clients throw them.</summary>
internal static class Refusals
{
    public static ApiException<ProblemDetails> Of(int status, string field, string message) => new(
        message, status, null, new Dictionary<string, IEnumerable<string>>(),
        new ProblemDetails
        {
            Status = status,
            Title = message,
            Field = field,
            Errors = new Dictionary<string, ICollection<string>> { [field] = [message] },
        },
        null);
}

/// <summary>A business rule's refusal as the API answers it: the field and the reason in the detail, no errors map.</summary>
internal static class RuleRefusals
{
    public static ApiException<ProblemDetails> Of(string field, string detail) => new(
        detail, 422, null, new Dictionary<string, IEnumerable<string>>(),
        new ProblemDetails { Status = 422, Title = "业务规则拒绝了该请求。", Detail = detail, Field = field, Rule = "bid_period_too_short" },
        null);
}

/// <summary>Programs: one program, or a refusal of the creation.</summary>
internal sealed class FakePrograms : IServiceProgramsClient
{
    public List<ProgramResponse> Programs { get; } =
    [
        new() { Id = Guid.Parse("01930000-0000-7000-8000-000000000001"), Name = "长者居家社工服务", Region = "示范区", ServiceDomain = ServiceDomain.Elderly, ActiveFrom = new DateOnly(2026, 1, 1) },
    ];

    public ApiException? CreateRefusal { get; set; }

    public Task<ProgramResponse> CreateProgramAsync(CreateProgramRequest body, CancellationToken cancellationToken = default)
    {
        if (CreateRefusal is { } refusal)
        {
            throw refusal;
        }

        var program = new ProgramResponse
        {
            Id = Guid.CreateVersion7(), Name = body.Name!, Region = body.Region!, ServiceDomain = body.ServiceDomain!.Value, ActiveFrom = body.ActiveFrom!.Value,
        };
        Programs.Add(program);
        return Task.FromResult(program);
    }

    public Task<ICollection<ProgramResponse>> ListProgramsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<ProgramResponse>>([.. Programs]);

    public Task<ProgramResponse> GetProgramAsync(Guid id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Programs.Single(p => p.Id == id));

    public Task<ProgramResponse> EditProgramAsync(Guid id, EditProgramRequest body, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The purchaser's pages do not edit programs.");

    public Task<ProgramChainResponse> GetProgramChainAsync(Guid id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The purchaser's pages do not read the chain.");
}

/// <summary>Tenders: saves what it is sent (keeping the last request), and refuses publication when told to.</summary>
internal sealed class FakeTenders : ITendersClient
{
    public TenderRequest? LastSaved { get; private set; }

    public ApiException? PublishRefusal { get; set; }

    public int Published { get; private set; }

    public Task<TenderResponse> CreateTenderAsync(TenderRequest body, CancellationToken cancellationToken = default) => Save(Guid.CreateVersion7(), body, 1);

    public Task<TenderResponse> EditTenderAsync(Guid id, TenderRequest body, CancellationToken cancellationToken = default) => Save(id, body, (body.Version ?? 0) + 1);

    public Task<TenderResponse> PublishTenderAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (PublishRefusal is { } refusal)
        {
            throw refusal;
        }

        Published++;
        return Task.FromResult(new TenderResponse { Id = id, Title = LastSaved?.Title ?? "", Status = TenderStatus.Published, Version = 3 });
    }

    public Task<ICollection<TenderResponse>> ListTendersAsync(Guid? programId = null, TenderStatus? status = null, Guid? successorOfContractId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<ICollection<TenderResponse>>([]);

    /// <summary>A tender kept before the test (e.g. a draft the wizard edits); any other id is 404.</summary>
    public TenderResponse? Existing { get; set; }

    public Task<TenderResponse> GetTenderAsync(Guid id, CancellationToken cancellationToken = default) =>
        Existing is { } tender && tender.Id == id ? Task.FromResult(tender) : throw Refusals.Of(404, "id", "not found");

    public Task<TenderResponse> CancelTenderAsync(Guid id, CancelTenderRequest body, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The wizard does not cancel.");

    private Task<TenderResponse> Save(Guid id, TenderRequest body, int version)
    {
        LastSaved = body;
        return Task.FromResult(new TenderResponse { Id = id, Title = body.Title ?? "", Status = TenderStatus.Draft, Version = version });
    }
}
