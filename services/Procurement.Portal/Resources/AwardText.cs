namespace Procurement.Portal.Resources;

/// <summary>The texts of the purchaser's steps after the bid deadline (opening, panel, ranking, award, challenges): <c>AwardText.resx</c> (zh-CN) and <c>AwardText.en.resx</c>.</summary>
public sealed class AwardText;
