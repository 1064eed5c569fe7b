using Microsoft.Extensions.Localization;
using Procurement.Portal.Resources;

namespace Procurement.Portal.Components.Pages.Purchaser;

/// <summary>One option of a select: the value and the text the person reads.</summary>
public sealed record Choice<T>(T Value, string Label);

/// <summary>The purchaser's enums as options and texts, each from <c>PurchaserText</c> under <c>{Enum}_{Value}</c>.</summary>
public static class Choices
{
    public static IReadOnlyList<Choice<T>> Of<T>(IStringLocalizer<PurchaserText> text)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(value => new Choice<T>(value, Label(text, value)))];

    public static string Label<T>(IStringLocalizer<PurchaserText> text, T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[$"{typeof(T).Name}_{value}"];
    }

    /// <summary>A broken rule in the person's language.</summary>
    public static string Say(IStringLocalizer<PurchaserText> text, RuleIssue issue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(issue);
        return text[issue.Key, issue.Arguments];
    }
}
