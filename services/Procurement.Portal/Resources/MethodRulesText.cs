namespace Procurement.Portal.Resources;

/// <summary>The texts of the administrator's procurement-method rule tables (<c>/admin/method-rules</c>): <c>MethodRulesText.resx</c> (zh-CN) and <c>MethodRulesText.en.resx</c>.</summary>
public sealed class MethodRulesText;
