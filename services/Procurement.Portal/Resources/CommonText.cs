namespace Procurement.Portal.Resources;

/// <summary>The texts the whole portal shares (layout, menus, roles, refusals): <c>CommonText.resx</c> (zh-CN) and <c>CommonText.en.resx</c>.</summary>
public sealed class CommonText;
