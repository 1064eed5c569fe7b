namespace Procurement.Tendering.Domain.Rules;

/// <summary>The procurement methods of DOMAIN.md §3. Their rules are data: see <see cref="ProcurementMethodRules"/>.</summary>
public enum ProcurementMethod
{
    /// <summary>公开招标.</summary>
    PublicTender,

    /// <summary>竞争性磋商.</summary>
    CompetitiveConsultation,

    /// <summary>单一来源: only for a direct renewal (DOMAIN.md §2) or with a written justification.</summary>
    SingleSource,
}
