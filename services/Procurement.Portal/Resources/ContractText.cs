namespace Procurement.Portal.Resources;

/// <summary>The texts of the contract screens: <c>ContractText.resx</c> (zh-CN) and <c>ContractText.en.resx</c>.</summary>
public sealed class ContractText;
