using System.Text;
using Microsoft.Playwright;

namespace Procurement.Browser.Tests.Support;

/// <summary>
/// Where the browser tests put what they see. Failures and screenshots of an ordinary run go next to the test binaries
/// (<c>tests/Procurement.Browser.Tests/bin/&lt;configuration&gt;/net10.0/browser/</c>), so a test run never dirties the
/// tree; with <c>PROCUREMENT_UPDATE_SCREENSHOTS=1</c> the screenshots go to <c>docs/portal/</c> in the repository instead.
/// </summary>
public static class BrowserArtifacts
{
    public const string UpdateScreenshotsVariable = "PROCUREMENT_UPDATE_SCREENSHOTS";

    /// <summary>The screenshot and HTML of every failed scenario, named <c>&lt;test class&gt;.&lt;test&gt;</c>.</summary>
    public static string FailuresFolder { get; } = Path.Combine(AppContext.BaseDirectory, "browser", "failures");

    /// <summary>Where <see cref="SaveScreenshotAsync"/> writes: <c>docs/portal</c> when updating them, else beside the binaries.</summary>
    public static string ScreenshotsFolder =>
        Environment.GetEnvironmentVariable(UpdateScreenshotsVariable) == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "portal")
            : Path.Combine(AppContext.BaseDirectory, "browser", "screenshots");

    /// <summary>Saves a screenshot of the whole page as <c>&lt;name&gt;.png</c> in <see cref="ScreenshotsFolder"/>; returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.StartsWith('.'))
        {
            throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));
        }

        var path = Path.Combine(ScreenshotsFolder, name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    /// <summary>
    /// Saves what the page showed when <paramref name="failure"/> happened: <c>&lt;name&gt;.png</c>, <c>&lt;name&gt;.html</c>
    /// and <c>&lt;name&gt;.txt</c> (the URL and the failure, and why a picture or the HTML could not be taken, if so).
    /// Returns a sentence naming the files, for the failure message.
    /// </summary>
    public static async Task<string> SaveFailureAsync(IPage page, string name, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(failure);
        Directory.CreateDirectory(FailuresFolder);
        var stem = Path.Combine(FailuresFolder, string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)));
        var notes = new StringBuilder()
            .AppendLine($"URL: {page.Url}")
            .AppendLine($"Failure: {failure}");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = stem + ".png", FullPage = true });
        }
        catch (PlaywrightException unavailable)
        {
            // The page may have crashed or closed with the failure; the failure itself is rethrown by the caller.
            notes.AppendLine($"No screenshot: {unavailable.Message}");
        }

        try
        {
            await File.WriteAllTextAsync(stem + ".html", await page.ContentAsync());
        }
        catch (PlaywrightException unavailable)
        {
            notes.AppendLine($"No HTML: {unavailable.Message}");
        }

        await File.WriteAllTextAsync(stem + ".txt", notes.ToString());
        return $"screenshot and HTML: {stem}.png, .html, .txt";
    }

    /// <summary>The first folder above the test binaries holding Procurement.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Procurement.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains Procurement.sln.");
    }
}
