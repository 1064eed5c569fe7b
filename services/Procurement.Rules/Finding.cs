namespace Procurement.Rules;

/// <summary>
/// One broken rule, machine-readable: the stable rule <paramref name="Code"/> (the services' problem code, e.g.
/// <c>scheme_not_100</c>), the API <paramref name="Field"/> it is about (e.g. <c>evaluationScheme.criteria[0].name</c>), the
/// <paramref name="Index"/> of the list item it names (a criterion, an instalment), and the numbers the rule compared:
/// <paramref name="Value"/> (what was given) against <paramref name="Limit"/> (what the rule wants). Never a text: the services
/// turn it into ProblemDetails, the portal into its resource texts.
/// </summary>
public sealed record Finding(string Code, string Field, int? Index = null, decimal? Value = null, decimal? Limit = null);
