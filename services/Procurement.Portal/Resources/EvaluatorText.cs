namespace Procurement.Portal.Resources;

/// <summary>The evaluator's texts (panels, conflicts, compliance review, score sheets): <c>EvaluatorText.resx</c> (zh-CN) and <c>EvaluatorText.en.resx</c>.</summary>
public sealed class EvaluatorText;
