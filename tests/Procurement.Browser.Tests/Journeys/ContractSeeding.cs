using System.Net;
using System.Text.Json;
using Procurement.Browser.Tests.Support;
using Procurement.Identity.Domain;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// Contracts set up through the API for the journeys that start after the award (contracts, payments, continuity): an
/// award is published into the embedded bus as Evaluation would (<see cref="ContractingApi.ConfirmAwardAsync"/>), both
/// parties sign, and the contract clock (moved forward a little at a time, never back) activates it.
/// </summary>
public static class ContractSeeding
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    public sealed record ActiveContract(Guid ContractId, Guid ProgramId, string ProgramName, decimal Amount, InstalmentView[] Instalments);

    /// <summary>A program of the purchaser active from <paramref name="activeFrom"/> (the coverage timeline counts days from it).</summary>
    public static async Task<Guid> ProgramAsync(HttpClient purchaser, string name, DateOnly activeFrom)
    {
        ArgumentNullException.ThrowIfNull(purchaser);
        var answer = (await ApiAnswer.ReadAsync(purchaser.PostJsonAsync("/api/programs", new NewProgram(name, "示范区", "Elderly", activeFrom, activeFrom.AddYears(10)))))
            .Expect(HttpStatusCode.Created, "creating the program");
        return answer.Json<JsonElement>().GetProperty("id").GetGuid();
    }

    /// <summary>The draft contract of an award to <paramref name="agencyUser"/>'s agency (a program of its own unless one is given).</summary>
    public static async Task<Guid> AwardedAsync(
        BrowserPlatform browser, string title, string agencyUser, decimal amount, DateOnly start, DateOnly end, Guid? programId = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var agency = DemoDirectory.UserNamed(agencyUser);
        var award = ContractingApi.Award(title, DemoDirectory.CivilAffairsBureau, agency.OrganisationId, agency.OrganisationName, amount, start, end, browser.Clock.GetUtcNow());
        if (programId is { } program)
        {
            award = award with { ProgramId = program };
        }

        await browser.Platform.ConfirmAwardAsync(award);
        using var purchaser = await browser.ApiAsync("purchaser");
        var contract = await purchaser.WaitForContractOfTenderAsync(award.TenderId, Patience)
            ?? throw new TimeoutException($"No contract was drafted from the award of \"{title}\" within {Patience.TotalSeconds} s.");
        return contract.Id;
    }

    /// <summary>The draft contract of a new award to agency1 for <paramref name="amount"/>, starting today for <paramref name="months"/> months.</summary>
    public static Task<Guid> AwardedAsync(BrowserPlatform browser, decimal amount, int months = 12)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return AwardedAsync(browser, "Contract journey", "agency1", amount, browser.Today, browser.Today.AddMonths(months).AddDays(-1));
    }

    /// <summary>The contract of an award to <paramref name="agencyUser"/> for <paramref name="programId"/>, signed by both and running.</summary>
    public static async Task<Guid> ActiveAsync(
        BrowserPlatform browser, Guid programId, string title, string agencyUser, decimal amount, DateOnly start, DateOnly end)
    {
        var id = await AwardedAsync(browser, title, agencyUser, amount, start, end, programId);
        await SignedByBothAsync(browser, id, agencyUser);
        return id;
    }

    /// <summary>A contract with agency1 signed by both parties and activated (its start date is today).</summary>
    public static async Task<Guid> ActiveAsync(BrowserPlatform browser, decimal amount, int months = 12)
    {
        var id = await AwardedAsync(browser, amount, months);
        await SignedByBothAsync(browser, id, "agency1");
        return id;
    }

    /// <summary>An active contract with agency1 for a new program of <paramref name="title"/>, with its instalments scheduled.</summary>
    public static async Task<ActiveContract> ActiveContractAsync(BrowserPlatform browser, string title, decimal amount)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var purchaser = await browser.ApiAsync("purchaser");
        var programName = $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];
        var programId = await purchaser.CreateProgramAsync(programName, "示范区");
        var id = await ActiveAsync(browser, programId, title, "agency1", amount, browser.Today, browser.Today.AddYears(1).AddDays(-1));
        InstalmentView[] instalments = [];
        await Poll.UntilAsync(async () =>
            {
                browser.AdvanceClock(TimeSpan.FromSeconds(20));
                return (instalments = await purchaser.InstalmentsOfContractAsync(id)).Length > 0;
            },
            "the contract, active from today, has its instalments scheduled", Patience);
        return new ActiveContract(id, programId, programName, amount, instalments);
    }

    /// <summary>Both parties sign; the contract clock runs until the contract is Active (or already Expiring, near its end).</summary>
    public static async Task SignedByBothAsync(BrowserPlatform browser, Guid id, string agencyUser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var purchaser = await browser.ApiAsync("purchaser");
        using var agency = await browser.ApiAsync(agencyUser);
        (await purchaser.SignContractAsync(id)).Expect(HttpStatusCode.OK, "the purchaser's signature");
        (await agency.SignContractAsync(id)).Expect(HttpStatusCode.OK, $"{agencyUser}'s signature");
        await ActivationAsync(browser, purchaser, id);
    }

    /// <summary>Runs the contract clock (31 s forward a try) until the signed contract is running.</summary>
    public static async Task ActivationAsync(BrowserPlatform browser, HttpClient client, Guid id)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await Poll.UntilAsync(async () =>
        {
            browser.AdvanceClock(TimeSpan.FromSeconds(31));
            return (await client.ContractAsync(id)).State is "Active" or "Expiring";
        }, $"contract {id} to be activated", Patience, TimeSpan.FromMilliseconds(500));
    }

    /// <summary>
    /// Waits for what a clock job does (a renewal notice, a forecast): checks, and if not yet, runs the jobs once more (a
    /// minute forward) and waits two seconds; at most ten minutes forward in all.
    /// </summary>
    public static async Task UntilClockJobsAsync(BrowserPlatform browser, Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(condition);
        for (var minute = 0; minute < 10; minute++)
        {
            if (await condition())
            {
                return;
            }

            browser.AdvanceClock(BrowserPlatform.ClockJobsCatchUp);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        (await condition()).Should().BeTrue($"{what} within ten runs of the clock jobs");
    }

    /// <summary>A mid-term grade for the contract through the API: <c>evaluator1</c> assigned, then scoring every indicator.</summary>
    public static async Task GradeAsync(BrowserPlatform browser, Guid contractId, decimal score)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var purchaser = await browser.ApiAsync("purchaser");
        var performance = await purchaser.WaitForPerformanceAsync(contractId, Patience);
        performance.Should().NotBeNull("the contract's indicators reach Evaluation");
        await purchaser.AssignPerformanceEvaluatorAsync(contractId, "MidTerm", DemoDirectory.Experts[0]);
        using var evaluator = await browser.ApiAsync("evaluator1");
        (await evaluator.SubmitPerformanceEvaluationAsync(contractId, "MidTerm", [.. performance!.Indicators.Select(i => (i.Name, score, "按合同完成"))]))
            .Expect(HttpStatusCode.Created, "scoring the mid-term");
    }
}
