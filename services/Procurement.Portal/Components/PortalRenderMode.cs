using Microsoft.AspNetCore.Components.Web;

namespace Procurement.Portal.Components;

/// <summary>
/// Every page is interactive on the server, without prerendering: a page's API calls run once, in the circuit, with the
/// signed-in person's token.
/// </summary>
public static class PortalRenderMode
{
    public static InteractiveServerRenderMode Server { get; } = new(prerender: false);
}
