namespace Procurement.Portal.Resources;

/// <summary>The continuity and performance screens' texts: <c>ContinuityText.resx</c> (zh-CN) and <c>ContinuityText.en.resx</c>.</summary>
public sealed class ContinuityText;
