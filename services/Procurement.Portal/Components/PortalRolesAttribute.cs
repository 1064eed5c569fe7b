namespace Procurement.Portal.Components;

/// <summary>
/// The roles that may open a page (any of them). Read by <see cref="RoleGate"/>, not by the endpoint's authorization, so
/// a page someone may not open answers with the portal's own 403 page rather than an API refusal.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PortalRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
