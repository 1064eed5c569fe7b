using System.Globalization;
using System.Text;
using System.Text.Json;
using Procurement.Contracting.Domain;

namespace Procurement.Contracting.Signatures;

/// <summary>
/// A contract's canonical document (issue 18 item 4): the terms a party signs — who, what, for how much, for how long,
/// paid how, measured how — as UTF-8 JSON with a fixed order of members, amounts as text with two decimals and days as
/// ISO dates, so that the same terms always give the same bytes. One per version of the terms: an amendment is a new
/// document. No person's data is in it: the parties are organisations.
/// </summary>
public static class ContractDocument
{
    public const string Kind = "procurement-contract/v1";

    public static string Canonical(Contract contract, ContractTermsVersion terms)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(terms);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("kind", Kind);
            json.WriteString("contractId", contract.Id.ToString("D"));
            json.WriteNumber("termsVersion", terms.Number);
            json.WriteString("tenderId", contract.TenderId?.ToString("D"));
            json.WriteString("programId", contract.ProgramId.ToString("D"));
            json.WriteString("predecessorId", contract.PredecessorId?.ToString("D"));
            json.WriteStartObject("purchaser");
            json.WriteString("organisationId", contract.PurchasingUnitId.ToString("D"));
            json.WriteEndObject();
            json.WriteStartObject("agency");
            json.WriteString("organisationId", contract.AgencyId.ToString("D"));
            json.WriteString("name", contract.AgencyName);
            json.WriteEndObject();
            json.WriteString("amount", Money(terms.Amount));
            json.WriteString("currency", "CNY");
            json.WriteString("start", Day(terms.Start));
            json.WriteString("end", Day(terms.End));
            json.WriteNumber("paymentTermDays", terms.PaymentTermDays);
            json.WriteStartArray("paymentSchedule");
            foreach (var instalment in terms.PaymentSchedule)
            {
                json.WriteStartObject();
                json.WriteString("percent", Money(instalment.Percent));
                json.WriteString("condition", instalment.Condition);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("kpis");
            foreach (var kpi in terms.Kpis)
            {
                json.WriteStartObject();
                json.WriteString("name", kpi.Name);
                json.WriteString("unit", kpi.Unit);
                json.WriteString("target", kpi.Target.ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
