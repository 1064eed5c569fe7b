using Gherkin.Ast;

namespace Procurement.Acceptance.Tests.Runner;

/// <summary>
/// A step's data table. Derives from Gherkin's <see cref="DataTable"/> (raw rows and locations stay
/// available) and adds the forms step code wants: the first row as header, the others as dictionaries.
/// </summary>
public sealed class StepTable : DataTable
{
    public StepTable(List<TableRow> rows) : base(rows)
    {
        Cells = rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList()).ToList();
        Header = Cells.Count > 0 ? Cells[0] : [];
        DataRows = Cells.Skip(1)
            .Select(r => (IReadOnlyDictionary<string, string>)Header.Zip(r).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }

    /// <summary>Every row (header included) as plain strings.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cells { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The rows after the header, keyed by header cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> DataRows { get; }

    /// <summary>For two-column "| key | value |" tables without a header row.</summary>
    public IReadOnlyDictionary<string, string> ToKeyValues() => Cells.ToDictionary(r => r[0], r => r[1]);
}
