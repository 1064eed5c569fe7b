using Procurement.Rules.Refusals;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>A social worker's certificate level, as the local pay scale grades it (DOMAIN.md §4).</summary>
public enum CertificateLevel
{
    /// <summary>No certificate.</summary>
    None,

    /// <summary>助理社会工作师.</summary>
    Assistant,

    /// <summary>社会工作师.</summary>
    Intermediate,

    /// <summary>高级社会工作师.</summary>
    Senior,
}

/// <summary>The lowest monthly pay, in CNY, a bid may plan for a worker of this level (e.g. from the 四岗十二档 scale).</summary>
public sealed record PayFloor(CertificateLevel Level, decimal MonthlyPay);

/// <summary>
/// Personnel first (DOMAIN.md §5): the minimum share of the price a bid spends on personnel (e.g. 0.60)
/// and a pay floor per certificate level. A bid under either is flagged abnormally low; this rule only
/// states the numbers. Valid by construction: a share above 0 and at most 1, with at most two decimals
/// (a whole percent); floors above zero in whole fen, one per level. Fields are under <c>personnelCost</c>.
/// </summary>
public sealed class PersonnelCostRule : IEquatable<PersonnelCostRule>
{
    private const string Field = "personnelCost";

    private PersonnelCostRule(decimal minimumPersonnelShare, IReadOnlyList<PayFloor> payFloors)
    {
        MinimumPersonnelShare = minimumPersonnelShare;
        PayFloors = payFloors;
    }

    /// <summary>Personnel costs at least this fraction of the bid price: 0.60 is 60 %.</summary>
    public decimal MinimumPersonnelShare { get; }

    public IReadOnlyList<PayFloor> PayFloors { get; }

    public static PersonnelCostRule Create(decimal minimumPersonnelShare, IEnumerable<PayFloor> payFloors)
    {
        ArgumentNullException.ThrowIfNull(payFloors);
        if (minimumPersonnelShare <= 0 || minimumPersonnelShare > 1 || decimal.Round(minimumPersonnelShare, 2) != minimumPersonnelShare)
        {
            throw new RuleViolationException(RuleCodes.PersonnelShareInvalid, $"{Field}.minimumPersonnelShare", minimumPersonnelShare);
        }

        var list = payFloors.ToList();
        var levels = new HashSet<CertificateLevel>();
        for (var i = 0; i < list.Count; i++)
        {
            var floor = list[i];
            if (floor.MonthlyPay <= 0 || decimal.Round(floor.MonthlyPay, 2) != floor.MonthlyPay)
            {
                throw new RuleViolationException(RuleCodes.PayFloorInvalid, $"{Field}.payFloors[{i}].monthlyPay", floor.Level, floor.MonthlyPay);
            }

            if (!levels.Add(floor.Level))
            {
                throw new RuleViolationException(RuleCodes.PayFloorDuplicate, $"{Field}.payFloors[{i}].level", floor.Level);
            }
        }

        return new PersonnelCostRule(minimumPersonnelShare, list.AsReadOnly());
    }

    /// <summary>The floor for a level; null when the tender sets none for it.</summary>
    public decimal? FloorFor(CertificateLevel level) => PayFloors.FirstOrDefault(f => f.Level == level)?.MonthlyPay;

    public bool Equals(PersonnelCostRule? other) =>
        other is not null && MinimumPersonnelShare == other.MinimumPersonnelShare && PayFloors.SequenceEqual(other.PayFloors);

    public override bool Equals(object? obj) => Equals(obj as PersonnelCostRule);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(MinimumPersonnelShare);
        foreach (var floor in PayFloors)
        {
            hash.Add(floor);
        }

        return hash.ToHashCode();
    }
}
