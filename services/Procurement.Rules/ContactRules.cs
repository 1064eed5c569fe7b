using System.Text.RegularExpressions;

namespace Procurement.Rules;

/// <summary>
/// The shape of a contact's phone number, the same wherever one is typed: an agency's contacts in Bidding, the contact of
/// an agency that registers itself in Identity, and the portal's forms.
/// </summary>
public static partial class ContactRules
{
    /// <summary>A mainland mobile (13x–19x, 11 digits) or a landline with its area code and an optional extension; +86 may lead.</summary>
    public static bool IsPhone(string? phone) => phone is not null && PhonePattern().IsMatch(phone.Trim());

    [GeneratedRegex(@"^(?:\+86[ -]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
