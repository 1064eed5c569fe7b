using System.Globalization;
using Microsoft.Playwright;
using Procurement.Browser.Tests.Support;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// One journey in English: the purchaser's new service program, refused by the API for a missing region (its English
/// message beside the field, the page in English), then completed and listed.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EnglishJourney(BrowserPlatform browser)
{
    [Fact]
    public async Task A_purchaser_in_english_sees_the_api_s_english_refusal_beside_the_region_then_fixes_it_and_finds_the_program_listed() =>
        await browser.RunAsync(
            async page =>
            {
                var name = "Home care for elders " + Guid.NewGuid().ToString("N")[..6];
                await page.SignInAsync("purchaser");
                await page.SwitchLanguageAsync("en");
                await page.GetByTestId("menu-programs").ClickAsync();
                await Assertions.Expect(page.Locator(".ant-page-header")).ToContainTextAsync("Service programs");

                await page.GetByTestId("program-new").ClickAsync();
                var form = page.GetByTestId("program-form");
                await Assertions.Expect(form).ToBeVisibleAsync();
                await page.Locator("#program-name").FillAsync(name);
                await page.GetByTestId("program-create").ClickAsync();

                var region = form.Locator(".ant-form-item").Filter(new LocatorFilterOptions { Has = page.Locator("#program-region") });
                await Assertions.Expect(region.Locator(".ant-form-item-explain-error")).ToContainTextAsync("is required");
                await Assertions.Expect(form).Not.ToContainTextAsync("必填");

                await page.Locator("#program-region").FillAsync("Demo District");
                await page.GetByTestId("domain-Elderly").ClickAsync();
                await TypeDate(page, "program-active-from", browser.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                await page.GetByTestId("program-create").ClickAsync();

                await Assertions.Expect(form).ToBeHiddenAsync();
                await Assertions.Expect(page.GetByTestId("programs").GetByTestId("program-name").Filter(new LocatorFilterOptions { HasText = name }))
                    .ToHaveCountAsync(1);
            },
            language: "en");

    /// <summary>Types a date into an AntDesign date picker and confirms it with Enter, again (three times at most) when the picker drops it.</summary>
    private static async Task TypeDate(IPage page, string id, string text)
    {
        var input = page.Locator($"input#{id}, #{id} input").First;
        for (var attempt = 1; attempt <= 3 && await input.InputValueAsync() != text; attempt++)
        {
            await input.ClickAsync();
            await input.FillAsync(text);
            await input.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            await page.WaitForTimeoutAsync(300);
        }

        await Assertions.Expect(input).ToHaveValueAsync(text);
    }
}
