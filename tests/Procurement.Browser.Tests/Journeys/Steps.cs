using System.Globalization;
using Microsoft.Playwright;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>Steps the journeys share: typing into AntDesign number boxes and date pickers as a person would.</summary>
public static class Steps
{
    /// <summary>A day as the portal's date pickers show it (yyyy-MM-dd).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An AntDesign number box: its input, whether the id sits on it or on its wrapper.</summary>
    public static ILocator Number(IPage page, string id) => page.Locator($"input#{id}, #{id} input.ant-input-number-input").First;

    /// <summary>Types <paramref name="value"/> into the AntDesign number box with id <paramref name="id"/> and leaves it (the box keeps a value on blur).</summary>
    public static async Task TypeNumberAsync(IPage page, string id, string value)
    {
        await Number(page, id).FillAsync(value);
        await Number(page, id).BlurAsync();
    }

    /// <summary>Types <paramref name="value"/> into the input inside the element with test id <paramref name="testId"/> and tabs out of it.</summary>
    public static async Task FillTestIdNumberAsync(IPage page, string testId, string value)
    {
        var input = page.GetByTestId(testId).Locator("input");
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    /// <summary>
    /// Types a date and time into an AntDesign date picker and confirms it with Enter. The picker keeps a typed value only
    /// once its panel has taken the Enter; on a busy machine the Tab that follows can come first and the value is dropped,
    /// so the typing is repeated (at most three times) until the value holds after the field loses focus.
    /// </summary>
    public static async Task TypeDateAsync(IPage page, string id, string text)
    {
        var input = page.Locator($"input#{id}, #{id} input").First;
        for (var attempt = 1; ; attempt++)
        {
            await input.ClickAsync();
            await input.FillAsync(text);
            await input.PressAsync("Enter");
            await page.Keyboard.PressAsync("Tab");
            await page.WaitForTimeoutAsync(300);
            if (await input.InputValueAsync() == text || attempt == 3)
            {
                break;
            }
        }

        await Assertions.Expect(input).ToHaveValueAsync(text);
    }
}
