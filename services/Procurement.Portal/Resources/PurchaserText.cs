namespace Procurement.Portal.Resources;

/// <summary>The purchaser's texts (programs, the tender wizard, the tender page, the purchaser's home): <c>PurchaserText.resx</c> (zh-CN) and <c>PurchaserText.en.resx</c>.</summary>
public sealed class PurchaserText;
