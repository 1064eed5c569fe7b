namespace Procurement.Portal.Resources;

/// <summary>The texts of the auditor's and the admin's screens and the notifications bell: <c>OversightText.resx</c> (zh-CN) and <c>OversightText.en.resx</c>.</summary>
public sealed class OversightText;
