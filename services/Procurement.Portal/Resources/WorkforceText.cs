namespace Procurement.Portal.Resources;

/// <summary>The texts of the workforce figures page (<c>/workforce</c>): <c>WorkforceText.resx</c> (zh-CN) and <c>WorkforceText.en.resx</c>.</summary>
public sealed class WorkforceText;
