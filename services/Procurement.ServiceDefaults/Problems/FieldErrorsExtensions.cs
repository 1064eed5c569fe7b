using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Problems;

public static class FieldErrorsExtensions
{
    /// <summary>
    /// The request has the wrong shape: 400 naming each bad field with the rule it broke. (Business rules the fields break
    /// are the domain's: <see cref="FieldErrors.ThrowIfAnyRuleBroken"/>.)
    /// </summary>
    public static void ThrowIfAny(this FieldErrors errors)
    {
        if (errors.Any)
        {
            throw new RequestValidationException([.. errors.Errors]);
        }
    }
}
