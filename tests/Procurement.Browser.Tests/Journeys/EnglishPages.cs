using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Procurement.Identity.Domain;

namespace Procurement.Browser.Tests.Journeys;

/// <summary>
/// What an English page must not show: a Chinese character (U+3400–U+9FFF) in its visible text (<c>document.body.innerText</c>)
/// or in the placeholder of a visible field. The data a scenario seeds is in English, so any Chinese is an untranslated
/// text of the portal, of AntDesign or of an API refusal — except the data other journeys of the shared platform typed in
/// Chinese, which the lists show beside the scenario's own: a list row (<see cref="Rows"/>) without the scenario's marker
/// is not looked at; the header's switch to 中文; and the demo directory's bilingual organisation names, which the seeded evaluation carries whole.
/// </summary>
public static partial class EnglishPages
{
    /// <summary>The rows of the portal's lists and tables, each one item of data.</summary>
    public const string Rows =
        "tbody > tr, li, .ant-list-item, p:has(> a[href^='/agency/tenders/']), p:has(> a[href='/agency/bids']), "
        + "[data-testid='home-notifications'] > p:not(:first-child), .agency-notification";

    private const string VisibleText = """
        ([marker, rows, leaveOut]) => {
            // The header's switch names the other language in that language (中文), as language switches do.
            const hidden = [...document.querySelectorAll(['[data-testid=language-switch]', ...leaveOut].join(', '))].map(e => [e, e.style.display]);
            hidden.forEach(([e]) => e.style.display = 'none');
            if (marker) {
                for (const row of document.querySelectorAll(rows)) {
                    if (!row.innerText.includes(marker)) { hidden.push([row, row.style.display]); row.style.display = 'none'; }
                }
            }
            const placeholders = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
                .filter(e => e.checkVisibility()).map(e => 'placeholder: ' + e.placeholder);
            const text = document.body.innerText;
            for (const [row, display] of hidden) { row.style.display = display; }
            return [text, ...placeholders].join('\n');
        }
        """;

    /// <summary>
    /// Asserts that the page shows no Chinese; with <paramref name="marker"/>, rows of lists that do not carry it (other
    /// journeys' data) are left out, and so are the elements <paramref name="leaveOut"/> selects. The failure names each offending line.
    /// </summary>
    public static async Task ExpectNoChineseAsync(this IPage page, string where, string? marker = null, params string[] leaveOut)
    {
        var offending = await page.ChineseOnPageAsync(marker, leaveOut);
        offending.Should().BeEmpty($"{where} ({page.Url}) is in English once English is chosen");
    }

    /// <summary>The lines of the page's visible text (and placeholders) holding a Chinese character, as <see cref="ExpectNoChineseAsync"/> finds them.</summary>
    public static async Task<IReadOnlyList<string>> ChineseOnPageAsync(this IPage page, string? marker = null, params string[] leaveOut)
    {
        ArgumentNullException.ThrowIfNull(page);
        var text = await page.EvaluateAsync<string>(VisibleText, new object?[] { marker, Rows, leaveOut });
        text.Should().NotBeNullOrWhiteSpace($"{page.Url} shows something");
        return ChineseLines(text);
    }

    /// <summary>The lines of <paramref name="text"/> holding a Chinese character, the demo directory's bilingual names left out.</summary>
    public static IReadOnlyList<string> ChineseLines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var name in DemoDirectory.Organisations.Select(o => o.Name).Concat(DemoDirectory.Users.Select(u => u.DisplayName)))
        {
            text = text.Replace(name, "", StringComparison.Ordinal);
        }

        return [.. text.Split('\n').Select(l => l.Trim()).Where(l => Chinese().IsMatch(l))];
    }

    [GeneratedRegex(@"[\u3400-\u9fff]")]
    private static partial Regex Chinese();
}
