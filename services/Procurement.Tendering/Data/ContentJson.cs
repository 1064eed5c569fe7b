using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Procurement.Tendering.Domain.Rules;

namespace Procurement.Tendering.Data;

/// <summary>
/// The tender's value objects as JSON text columns: a value converter works the same on SQLite and SQL
/// Server (nvarchar(max)), and a stored value is read back as it was checked when saved — the rules of a
/// later day never make an old tender unreadable.
/// </summary>
internal static class ContentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueComparer<IReadOnlyList<string>> TextListComparer { get; } = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        list => list.Aggregate(0, (hash, text) => HashCode.Combine(hash, text.GetHashCode(StringComparison.Ordinal))),
        list => list.ToList());

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string WriteScheme(EvaluationScheme scheme) => Write(new StoredScheme([.. scheme.Criteria], scheme.FixedPrice));

    public static EvaluationScheme ReadScheme(string json)
    {
        var stored = Read<StoredScheme>(json);
        return EvaluationScheme.Restore(stored.Criteria, stored.FixedPrice);
    }

    public static string WriteStaffing(StaffingRequirement staffing) =>
        Write(new StoredStaffing(staffing.CertifiedSocialWorkers, staffing.IntermediateOrAbove, staffing.Supervisors));

    public static StaffingRequirement ReadStaffing(string json)
    {
        var stored = Read<StoredStaffing>(json);
        return StaffingRequirement.Create(stored.CertifiedSocialWorkers, stored.IntermediateOrAbove, stored.Supervisors);
    }

    public static string WriteKpis(KpiList kpis) => Write(kpis.Items);

    public static KpiList ReadKpis(string json) => KpiList.Create(Read<List<Kpi>>(json));

    public static string WriteSchedule(PaymentSchedule schedule) => Write(schedule.Instalments);

    public static PaymentSchedule ReadSchedule(string json) => PaymentSchedule.Restore(Read<List<Instalment>>(json));

    public static string WritePersonnelCost(PersonnelCostRule rule) => Write(new StoredPersonnelCost(rule.MinimumPersonnelShare, [.. rule.PayFloors]));

    public static PersonnelCostRule ReadPersonnelCost(string json)
    {
        var stored = Read<StoredPersonnelCost>(json);
        return PersonnelCostRule.Create(stored.MinimumPersonnelShare, stored.PayFloors);
    }

    public static string WriteTexts(IReadOnlyList<string> texts) => Write(texts);

    public static IReadOnlyList<string> ReadTexts(string json) => Read<List<string>>(json).AsReadOnly();

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A stored {typeof(T).Name} is null.");

    private sealed record StoredScheme(List<EvaluationCriterion> Criteria, bool FixedPrice);

    private sealed record StoredStaffing(int CertifiedSocialWorkers, int IntermediateOrAbove, int Supervisors);

    private sealed record StoredPersonnelCost(decimal MinimumPersonnelShare, List<PayFloor> PayFloors);
}
