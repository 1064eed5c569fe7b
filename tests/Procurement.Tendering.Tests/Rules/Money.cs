namespace Procurement.Tendering.Tests.Rules;

/// <summary>Amounts in attributes are strings, since C# attributes cannot hold decimals.</summary>
internal static class Money
{
    public static decimal Parse(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
}
