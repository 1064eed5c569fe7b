using System.Text.RegularExpressions;

namespace Procurement.Portal.Tests;

/// <summary>
/// The other way round: a key a component asks its localizer for exists in both files of that localizer's pair. A missing
/// key makes <c>IStringLocalizer</c> answer with the key's own name, so a Chinese reader would see <c>SaveDraft</c> and an
/// English one the same: every <c>T["Key"]</c> of a .razor file is looked up in the .resx pair of the localizer it names.
/// </summary>
public sealed partial class Every_text_of_the_portal_comes_from_its_resources
{
    [Fact]
    public void Every_key_a_component_asks_for_is_in_both_files_of_its_localizer()
    {
        var uses = LocalizerUses().ToList();
        uses.Should().Contain(u => u.Key == "PlatformName" && u.Pair == "CommonText", "the parser finds the layout's own texts");
        uses.Should().HaveCountGreaterThan(200, "the portal's pages ask for hundreds of texts");

        var missing = uses
            .SelectMany(use => new[] { use.Pair + ".resx", use.Pair + ".en.resx" }
                .Where(file => !Matches(KeysOf(file), use))
                .Select(file => $"{use.Where}: {use.Localizer}[\"{use.Key}{(use.IsPrefix ? "…" : "")}\"] is not in {file}"))
            .Distinct()
            .ToList();

        missing.Should().BeEmpty("a key missing from a resource file shows as its own name on the page");
    }

    [Fact]
    public void The_key_parser_sees_literal_interpolated_and_concatenated_keys_and_the_localizer_each_names()
    {
        const string razor = """
            <h1>@Text["PlatformName"]</h1>
            <span>@T["Stage_" + stage] @T[$"Verdict_{bid.Compliance}"] @Common["Cancel", 3]</span>
            @code {
                [Inject] private IStringLocalizer<AgencyText> T { get; set; } = default!;
                [Inject] private IStringLocalizer<CommonText> Text { get; set; } = default!;
                [Inject] private IStringLocalizer<PurchaserText> Common { get; set; } = default!;
            }
            """;

        UsesIn("Sample.razor", razor).Select(u => (u.Pair, u.Key, u.IsPrefix)).Should().Equal(
            ("CommonText", "PlatformName", false),
            ("AgencyText", "Stage_", true),
            ("AgencyText", "Verdict_", true),
            ("PurchaserText", "Cancel", false));
    }

    private sealed record LocalizerUse(string Where, string Localizer, string Pair, string Key, bool IsPrefix);

    private static IEnumerable<LocalizerUse> LocalizerUses() =>
        Directory.EnumerateFiles(Path.Combine(Portal, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => UsesIn(Path.GetRelativePath(Portal, file), File.ReadAllText(file)));

    /// <summary>
    /// The keys a component's text asks for: <c>Name["Key"</c> (exact), <c>Name["Prefix_" + x</c> and <c>Name[$"Prefix_{x}"</c>
    /// (a family of keys: at least one must start with the prefix), for each <c>IStringLocalizer&lt;Pair&gt; Name</c> it declares.
    /// </summary>
    private static IEnumerable<LocalizerUse> UsesIn(string where, string razor)
    {
        var text = RazorComment().Replace(razor, "");
        var localizers = LocalizerDeclaration().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["pair"].Value);
        return localizers
            .SelectMany(localizer => KeyUse(localizer.Key).Matches(text).Select(use => (localizer, use)))
            .OrderBy(found => found.use.Index)
            .Select(found =>
            {
                var ((name, pair), use) = found;
                var at = $"{where}:{text[..use.Index].Count(c => c == '\n') + 1}";
                var key = use.Groups["key"].Value;
                var hole = use.Groups["dollar"].Success ? key.IndexOf('{', StringComparison.Ordinal) : -1;
                return hole >= 0
                    ? new LocalizerUse(at, name, pair, key[..hole], IsPrefix: true)
                    : new LocalizerUse(at, name, pair, key, use.Groups["plus"].Success);
            });
    }

    private static bool Matches(IReadOnlyList<string> keys, LocalizerUse use) =>
        use.IsPrefix ? keys.Any(k => k.StartsWith(use.Key, StringComparison.Ordinal)) : keys.Contains(use.Key);

    private static readonly Dictionary<string, IReadOnlyList<string>> KeysByFile = [];

    private static IReadOnlyList<string> KeysOf(string file)
    {
        lock (KeysByFile)
        {
            if (!KeysByFile.TryGetValue(file, out var keys))
            {
                keys = Keys(Path.Combine(Portal, "Resources", file));
                KeysByFile[file] = keys;
            }

            return keys;
        }
    }

    private static Regex KeyUse(string localizer) =>
        new(@"(?<![\w.])" + Regex.Escape(localizer) + @"\[\s*(?<dollar>\$)?""(?<key>[^""]*)""(?<plus>\s*\+)?", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"IStringLocalizer<(?<pair>\w+)>\s+(?<name>\w+)")]
    private static partial Regex LocalizerDeclaration();
}
