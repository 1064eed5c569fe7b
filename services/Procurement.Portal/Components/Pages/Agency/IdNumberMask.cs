namespace Procurement.Portal.Components.Pages.Agency;

/// <summary>A worker's national ID number as the portal shows it: never in full, only its last four characters.</summary>
public static class IdNumberMask
{
    public const int Shown = 4;

    /// <summary>
    /// Every character but the last four as *, in the 18-character shape of the number (the API answers the last four
    /// only; should it ever answer more, the rest is still masked). Empty or missing gives an empty string.
    /// </summary>
    public static string Mask(string? number)
    {
        var text = number?.Trim() ?? "";
        if (text.Length == 0)
        {
            return "";
        }

        var tail = text.Length <= Shown ? text : text[^Shown..];
        return new string('*', Math.Max(18, text.Length) - tail.Length) + tail;
    }
}
