namespace Procurement.Portal.Resources;

/// <summary>The agency journey's texts: <c>AgencyText.resx</c> (zh-CN) and <c>AgencyText.en.resx</c>.</summary>
public sealed class AgencyText;
