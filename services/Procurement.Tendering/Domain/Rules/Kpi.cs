using Procurement.Rules.Refusals;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>An indicator the contract will carry (DOMAIN.md §3, §7), e.g. "Service hours", "hours", 2400.</summary>
public sealed record Kpi(string Name, string Unit, decimal Target);

/// <summary>A tender's KPIs: each named once (case-insensitive), with a unit and a target of zero or more.</summary>
public sealed class KpiList : IEquatable<KpiList>
{
    private KpiList(IReadOnlyList<Kpi> items) => Items = items;

    public static KpiList Empty { get; } = new([]);

    public IReadOnlyList<Kpi> Items { get; }

    public static KpiList Create(IEnumerable<Kpi> kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        var list = kpis.Select(k => k with { Name = (k.Name ?? "").Trim(), Unit = (k.Unit ?? "").Trim() }).ToList();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Count; i++)
        {
            var kpi = list[i];
            if (kpi.Name.Length == 0)
            {
                throw new RuleViolationException(RuleCodes.KpiNameRequired, $"kpis[{i}].name");
            }

            if (kpi.Unit.Length == 0)
            {
                throw new RuleViolationException(RuleCodes.KpiUnitRequired, $"kpis[{i}].unit", kpi.Name);
            }

            if (kpi.Target < 0)
            {
                throw new RuleViolationException(RuleCodes.KpiTargetNegative, $"kpis[{i}].target", kpi.Name, kpi.Target);
            }

            if (!names.Add(kpi.Name))
            {
                throw new RuleViolationException(RuleCodes.KpiDuplicate, $"kpis[{i}].name", kpi.Name);
            }
        }

        return new KpiList(list.AsReadOnly());
    }

    public bool Equals(KpiList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as KpiList);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var kpi in Items)
        {
            hash.Add(kpi);
        }

        return hash.ToHashCode();
    }
}
