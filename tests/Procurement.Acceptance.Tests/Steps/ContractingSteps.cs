using System.Net;
using FluentAssertions;
using Procurement.Acceptance.Tests.Runner;
using Procurement.Contracts.Evaluation;
using Procurement.Identity.Domain;
using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The steps of Features/Contracting: the purchaser and the demo agencies sign, amend, terminate and renew contracts
/// through the public entry. The scene is set as Evaluation would set it: an <see cref="AwardConfirmed"/> published
/// into the embedded platform's bus. The platform runs on a <see cref="ShiftedClock"/> whose contract clock checks every
/// second; moving it signs everybody in again, as tokens are issued and checked on it.
/// </summary>
[Binding]
public sealed class ContractingSteps(EmbeddedPlatform platform, ShiftedClock clock) : IDisposable
{
    private const string Purchaser = "purchaser";

    /// <summary>How long the steps wait for an award to reach Contracting or for the contract clock to act.</summary>
    private static readonly TimeSpan Patience = Eventually.Patience;

    private static readonly Dictionary<string, string> HistoryWords = new(StringComparer.Ordinal)
    {
        ["Sign"] = "signed",
        ["Activate"] = "activated",
        ["Amend"] = "amended",
        ["Suspend"] = "suspended",
        ["Resume"] = "resumed",
        ["EnterRenewalWindow"] = "expiring",
        ["Renew"] = "renewed",
        ["ExtendBridge"] = "extended",
        ["Terminate"] = "terminated",
        ["Complete"] = "completed",
    };

    private readonly SignedInUsers _users = new(platform, clock);
    private readonly Dictionary<string, Guid> _contracts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _successors = new(StringComparer.Ordinal);
    private ApiAnswer? _answer;

    // ---- the scene ------------------------------------------------------------------------------

    [Given(@"the award of ""([^""]*)"" to ""([^""]*)"" at (\d+\.\d{2}) yuan is confirmed, with service for a year from (\d+) days from now")]
    public async Task AwardConfirmed(string title, string agency, decimal amount, int days)
    {
        var start = Today().AddDays(days);
        await DraftedAsync(title, agency, amount, start, start.AddYears(1).AddDays(-1));
    }

    [Given(@"an active contract for ""([^""]*)"" with ""([^""]*)"" worth (\d+\.\d{2}) yuan")]
    public Task ActiveContract(string title, string agency, decimal amount) =>
        ActiveAsync(title, agency, amount, Today(), Today().AddYears(1).AddDays(-1));

    [Given(@"an active contract for ""([^""]*)"" with ""([^""]*)"" worth (\d+\.\d{2}) yuan, ending in (\d+) days")]
    public Task ActiveContractEnding(string title, string agency, decimal amount, int days) =>
        ActiveAsync(title, agency, amount, Today(), Today().AddDays(days));

    // ---- signing and activation -----------------------------------------------------------------

    [Then(@"the purchaser finds the draft contract for ""([^""]*)"" worth (\d+\.\d{2}) yuan, waiting for signatures")]
    public async Task FindsDraft(string title, decimal amount)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.State.Should().Be("Draft");
        contract.Amount.Should().Be(amount);
        contract.PermittedTriggers.Should().Contain("Sign");
        contract.Signatures.Purchaser.SignedAt.Should().BeNull();
        contract.Signatures.Agency.SignedAt.Should().BeNull();
    }

    [When(@"the purchaser signs the contract for ""([^""]*)""")]
    public async Task PurchaserSigns(string title) =>
        (await (await ClientAsync(Purchaser)).SignContractAsync(_contracts[title])).Expect(HttpStatusCode.OK, "the purchaser signing");

    [When(@"the agency ""([^""]*)"" signs the contract for ""([^""]*)""")]
    public async Task AgencySigns(string agency, string title) =>
        (await (await ClientAsync(agency)).SignContractAsync(_contracts[title])).Expect(HttpStatusCode.OK, $"{agency} signing");

    [Then(@"the contract for ""([^""]*)"" is signed by both parties but has not started")]
    public async Task SignedNotStarted(string title)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.State.Should().Be("PendingSignature");
        contract.ShouldBeSignedByBothParties(Purchaser);
        contract.Start.Should().BeAfter(Today());
    }

    [Then(@"the agency ""([^""]*)"" cannot see the contract for ""([^""]*)""")]
    public async Task CannotSee(string agency, string title)
    {
        var client = await ClientAsync(agency);
        (await client.ReadContractAsync(_contracts[title])).Status.Should().Be(HttpStatusCode.NotFound);
        (await client.ContractsAsync()).Should().NotContain(c => c.Id == _contracts[title]);
    }

    [When(@"the first day of service of the contract for ""([^""]*)"" comes")]
    public async Task FirstDayComes(string title)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        Advance(TimeSpan.FromDays(contract.Start.DayNumber - Today().DayNumber));
    }

    [Then(@"the contract for ""([^""]*)"" becomes active")]
    public async Task BecomesActive(string title) =>
        (await (await ClientAsync(Purchaser)).WaitForContractStateAsync(_contracts[title], Patience, "Active")).State
        .Should().Be("Active", $"the contract clock activates it within {Patience.TotalSeconds} s");

    [Then(@"the agency ""([^""]*)"" reads in the contract history of ""([^""]*)"": (.+)")]
    public async Task ReadsHistory(string agency, string title, string entries)
    {
        var history = await (await ClientAsync(agency)).ContractHistoryAsync(_contracts[title]);
        history.Select(e => e.Trigger is null ? "drafted" : HistoryWords[e.Trigger])
            .Should().Equal(entries.Split(", ", StringSplitOptions.TrimEntries));
    }

    // ---- refusals -------------------------------------------------------------------------------

    [When(@"the purchaser tries to complete the contract for ""([^""]*)""")]
    public async Task TriesToComplete(string title) =>
        _answer = await (await ClientAsync(Purchaser)).CompleteContractAsync(_contracts[title]);

    [Then(@"the contract request is refused because the contract is ""([^""]*)"", naming the allowed actions ((?:""[^""]*""(?:, | and )?)+)$")]
    public void RefusedNamingAllowed(string state, string allowed)
    {
        var answer = _answer ?? throw new InvalidOperationException("A request should have been made first.");
        answer.Status.Should().Be(HttpStatusCode.Conflict, answer.Body);
        var refusal = answer.Json<ContractRefusal>();
        refusal.State.Should().Be(state);
        var names = System.Text.RegularExpressions.Regex.Matches(allowed, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        names.Should().NotBeEmpty("the step names the allowed actions");
        refusal.AllowedTriggers.Should().BeEquivalentTo(names);
        foreach (var name in names)
        {
            refusal.Detail.Should().Contain(name);
        }
    }

    [Then(@"the contract for ""([^""]*)"" is still (a draft|active)")]
    public async Task StillIn(string title, string state)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.State.Should().Be(state == "a draft" ? "Draft" : "Active");
    }

    // ---- amendments -----------------------------------------------------------------------------

    [When(@"the purchaser amends the contract for ""([^""]*)"" to (\d+\.\d{2}) yuan with reason ""([^""]*)"": ""([^""]*)""")]
    public async Task Amends(string title, decimal amount, string reasonCode, string text) =>
        (await (await ClientAsync(Purchaser)).AmendContractAsync(_contracts[title], reasonCode, text, amount)).Expect(HttpStatusCode.OK, "amending the contract");

    [Then(@"the contract for ""([^""]*)"" is at terms version (\d+), worth (\d+\.\d{2}) yuan")]
    public async Task AtVersion(string title, int version, decimal amount)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.TermsVersion.Should().Be(version);
        contract.Amount.Should().Be(amount);
    }

    [Then(@"the agency ""([^""]*)"" reads the contract versions of ""([^""]*)"": version 1 at (\d+\.\d{2}) yuan, version 2 at (\d+\.\d{2}) yuan for ""([^""]*)""")]
    public async Task ReadsVersions(string agency, string title, decimal first, decimal second, string reasonCode)
    {
        var versions = await (await ClientAsync(agency)).ContractVersionsAsync(_contracts[title]);
        versions.Select(v => v.Number).Should().Equal(1, 2);
        versions[0].Amount.Should().Be(first);
        versions[0].Current.Should().BeFalse();
        versions[1].Amount.Should().Be(second);
        versions[1].ReasonCode.Should().Be(reasonCode);
        versions[1].Current.Should().BeTrue();
    }

    // ---- termination ----------------------------------------------------------------------------

    [When(@"the purchaser terminates the contract for ""([^""]*)"" because ""([^""]*)"", having paid (\d+\.\d{2}) yuan")]
    public async Task Terminates(string title, string reason, decimal paid) =>
        (await (await ClientAsync(Purchaser)).TerminateContractAsync(_contracts[title], reason, paid)).Expect(HttpStatusCode.OK, "terminating the contract");

    [Then(@"the contract for ""([^""]*)"" is terminated for ""([^""]*)"" with (\d+\.\d{2}) yuan paid")]
    public async Task Terminated(string title, string reason, decimal paid)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.State.Should().Be("Terminated");
        contract.TerminationReason.Should().Be(reason);
        contract.AmountPaid.Should().Be(paid);
    }

    [Then(@"the agency ""([^""]*)"" reads in the contract history of ""([^""]*)"" that it was terminated for ""([^""]*)""")]
    public async Task ReadsTermination(string agency, string title, string reason)
    {
        var last = (await (await ClientAsync(agency)).ContractHistoryAsync(_contracts[title]))[^1];
        last.Trigger.Should().Be("Terminate");
        last.To.Should().Be("Terminated");
        last.Reason.Should().Be(reason);
    }

    [When(@"the purchaser tries to terminate the contract for ""([^""]*)"" without a reason")]
    public async Task TriesToTerminateWithoutReason(string title) =>
        _answer = await (await ClientAsync(Purchaser)).TerminateContractAsync(_contracts[title], reason: null, amountPaid: 0m);

    [Then("the contract request is sent back asking for the reason")]
    public void AskedForReason()
    {
        var answer = _answer ?? throw new InvalidOperationException("A request should have been made first.");
        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.Body);
        answer.Body.Should().Contain("\"reason\"");
    }

    // ---- renewal --------------------------------------------------------------------------------

    [Then(@"the contract for ""([^""]*)"" enters its renewal window")]
    public async Task EntersRenewalWindow(string title) =>
        (await (await ClientAsync(Purchaser)).WaitForContractStateAsync(_contracts[title], Patience, "Expiring")).State
        .Should().Be("Expiring", "the contract clock marks it within the 90-day lead time");

    [When(@"the purchaser renews the contract for ""([^""]*)"" for one more year at (\d+\.\d{2}) yuan")]
    public async Task Renews(string title, decimal amount)
    {
        var purchaser = await ClientAsync(Purchaser);
        var contract = await purchaser.ContractAsync(_contracts[title]);
        var renewed = (await purchaser.RenewContractAsync(contract.Id, contract.End.AddYears(1), amount)).Expect(HttpStatusCode.Created, "renewing the contract");
        _successors[title] = renewed.Json<ContractView>().Id;
    }

    [Then(@"the successor contract of ""([^""]*)"" starts the day after it ends, worth (\d+\.\d{2}) yuan, waiting for signatures")]
    public async Task SuccessorStarts(string title, decimal amount)
    {
        var purchaser = await ClientAsync(Purchaser);
        var predecessor = await purchaser.ContractAsync(_contracts[title]);
        var successor = await purchaser.ContractAsync(_successors[title]);
        successor.Start.Should().Be(predecessor.End.AddDays(1));
        successor.Amount.Should().Be(amount);
        successor.State.Should().Be("Draft");
        successor.PredecessorId.Should().Be(predecessor.Id);
        successor.BidId.Should().Be(predecessor.BidId, "the successor carries the same staffing plan");
    }

    [Then(@"the contract for ""([^""]*)"" is renewed and links to its successor")]
    public async Task RenewedAndLinked(string title)
    {
        var contract = await (await ClientAsync(Purchaser)).ContractAsync(_contracts[title]);
        contract.State.Should().Be("Renewed");
        contract.SuccessorId.Should().Be(_successors[title]);
    }

    [Then(@"the agency ""([^""]*)"" sees both contracts of ""([^""]*)""")]
    public async Task SeesBoth(string agency, string title)
    {
        var listed = await (await ClientAsync(agency)).ContractsAsync();
        listed.Select(c => c.Id).Should().Contain([_contracts[title], _successors[title]]);
    }

    public void Dispose()
    {
        _users.Dispose();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private async Task DraftedAsync(string title, string agency, decimal amount, DateOnly start, DateOnly end)
    {
        var user = DemoDirectory.UserNamed(agency);
        var award = ContractingApi.Award(
            title, DemoDirectory.CivilAffairsBureau, user.OrganisationId, user.OrganisationName, amount, start, end, clock.GetUtcNow());
        await platform.ConfirmAwardAsync(award);
        var contract = await (await ClientAsync(Purchaser)).WaitForContractOfTenderAsync(award.TenderId, Patience);
        contract.Should().NotBeNull($"the award of \"{title}\" reaches Contracting within {Patience.TotalSeconds} s");
        _contracts[title] = contract!.Id;
    }

    private async Task ActiveAsync(string title, string agency, decimal amount, DateOnly start, DateOnly end)
    {
        await DraftedAsync(title, agency, amount, start, end);
        await PurchaserSigns(title);
        await AgencySigns(agency, title);
        var contract = await (await ClientAsync(Purchaser)).WaitForContractStateAsync(_contracts[title], Patience, "Active", "Expiring");
        contract.State.Should().BeOneOf(["Active", "Expiring"], "the contract clock activates a signed contract on its start date");
    }

    private DateOnly Today() => _users.Today;

    /// <summary>Moves the platform's clock; tokens were issued on the old time, so everybody signs in again.</summary>
    private void Advance(TimeSpan by) => _users.Advance(by);

    private Task<HttpClient> ClientAsync(string userName) => _users.ClientAsync(userName);
}
