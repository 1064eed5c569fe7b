using System.Collections.Concurrent;

namespace Procurement.ServiceDefaults.Texts;

/// <summary>
/// The people's names of enum values a message names (ProcurementMethod.CompetitiveConsultation → 竞争性磋商 / competitive
/// consultation; CertificateLevel.Assistant → 助理社会工作师), so a refusal reads "助理社会工作师的最低月薪…" rather than
/// "Assistant的最低月薪…". Modules add the names of their enums at start; a value without a name shows as its code.
/// </summary>
public static class ValueLabels
{
    private static readonly ConcurrentDictionary<(Type Type, string Name), (string En, string Zh)> Labels = new();

    /// <summary>Names every value of <typeparamref name="TEnum"/> listed in <paramref name="labels"/>.</summary>
    public static void Add<TEnum>(IReadOnlyDictionary<TEnum, (string En, string Zh)> labels)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var (value, label) in labels)
        {
            Labels[(typeof(TEnum), value.ToString())] = label;
        }
    }

    /// <summary>The value's name in the language asked for; the value's code where it has none.</summary>
    public static string Of(Enum value, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Labels.TryGetValue((value.GetType(), value.ToString()), out var label) ? (chinese ? label.Zh : label.En) : value.ToString();
    }
}
