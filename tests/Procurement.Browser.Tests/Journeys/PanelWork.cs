using System.Net;
using Procurement.Browser.Tests.Support;
using Procurement.Contracts.Tendering;
using Procurement.Testing.Platform;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>The panel's work as the journeys seed it through the API.</summary>
public static class PanelWork
{
    /// <summary>The scheme every seeded tender is scored by: price 40, the service plan 30, the team's experience 30.</summary>
    public static readonly CriterionTerms[] Criteria =
    [
        new("Price", "Price", 40m),
        new("Service plan", "Technical", 30m),
        new("Team experience", "Technical", 30m),
    ];

    /// <summary>
    /// Every member of the drawn <paramref name="panel"/> scores every bid of <paramref name="scene"/> (service plan and
    /// team experience both at the agency's <paramref name="points"/>); the first member records the panel's compliance
    /// review (every bid eligible) before scoring.
    /// </summary>
    public static async Task ReviewAndScoreEveryBidAsync(
        this BrowserPlatform browser, SceneTender scene, PanelView panel, IReadOnlyDictionary<string, decimal> points)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(panel);
        foreach (var member in panel.Members.OrderBy(m => m.Number))
        {
            using var client = await browser.ApiAsync(EvaluationApi.DemoUserName(member.UserId));
            if (member.Number == panel.Members.Min(m => m.Number))
            {
                foreach (var bid in scene.Bids.Values)
                {
                    await client.ReviewBidAsync(scene.TenderId, bid, eligible: true);
                }
            }

            foreach (var (agency, bid) in scene.Bids)
            {
                (await client.SubmitSheetAsync(scene.TenderId, bid, points[agency], points[agency]))
                    .Expect(HttpStatusCode.Created, $"{member.UserId}'s sheet for {agency}");
            }
        }
    }
}
