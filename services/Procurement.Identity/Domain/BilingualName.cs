namespace Procurement.Identity.Domain;

/// <summary>
/// Organisation and display names are kept as one text, <c>English / 中文</c> when both are known (as the demo
/// directory writes them: "Civil Affairs Bureau, Demo District / 示范区民政局"). This gives the part in the
/// language asked for; a name in one language only, or of any other shape, is given whole.
/// </summary>
public static class BilingualName
{
    private const string Separator = " / ";

    public static string In(string name, bool chinese)
    {
        var at = name.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || name.IndexOf(Separator, at + Separator.Length, StringComparison.Ordinal) >= 0)
        {
            return name;
        }

        var english = name[..at].Trim();
        var han = name[(at + Separator.Length)..].Trim();
        if (english.Length == 0 || han.Length == 0 || HasHan(english) || !HasHan(han))
        {
            return name;
        }

        return chinese ? han : english;
    }

    /// <summary>CJK unified ideographs (the basic block and extension A).</summary>
    private static bool HasHan(string text) =>
        text.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');
}
