using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Procurement.Portal.Tests;

/// <summary>
/// The portal speaks Chinese and English from its .resx pairs only: no Chinese text written into a component (a
/// hard-coded text would stay Chinese for an English reader), and every key of a neutral (Chinese) file has its English.
/// </summary>
public sealed partial class Every_text_of_the_portal_comes_from_its_resources
{
    private static readonly string Portal = Path.Combine(RepositoryRoot(), "services", "Procurement.Portal");

    [Fact]
    public void No_component_has_chinese_text_of_its_own()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(Portal, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => RazorComment().Replace(File.ReadAllText(file), "")
                .Split('\n')
                .Select((line, index) => (file, line, index))
                .Where(l => Chinese().IsMatch(l.line) && !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Portal, l.file)}:{l.index + 1}: {l.line.Trim()}")
            .ToList();

        offenders.Should().BeEmpty("texts come from Resources/*.resx through IStringLocalizer");
    }

    [Fact]
    public void Every_chinese_resource_has_its_english_and_no_english_one_is_left_over()
    {
        var neutral = Directory.EnumerateFiles(Path.Combine(Portal, "Resources"), "*.resx")
            .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal)).ToList();
        neutral.Should().NotBeEmpty();
        foreach (var file in neutral)
        {
            var english = file[..^".resx".Length] + ".en.resx";
            File.Exists(english).Should().BeTrue($"{Path.GetFileName(file)} needs its English");
            Keys(english).Should().BeEquivalentTo(Keys(file), $"{Path.GetFileName(english)} has the same keys as {Path.GetFileName(file)}");
        }
    }

    private static IReadOnlyList<string> Keys(string resx) =>
        [.. XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Procurement.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Procurement.sln.");
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")]
    private static partial Regex Chinese();
}
