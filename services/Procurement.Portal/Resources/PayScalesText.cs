namespace Procurement.Portal.Resources;

/// <summary>The texts of the pay scales page (<c>/admin/pay-scales</c>): <c>PayScalesText.resx</c> (zh-CN) and <c>PayScalesText.en.resx</c>.</summary>
public sealed class PayScalesText;
