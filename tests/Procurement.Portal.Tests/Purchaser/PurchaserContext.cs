using AntDesign;
using AntDesign.JsInterop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Procurement.Portal.Client;
using Procurement.Portal.Components.Pages.Purchaser;

namespace Procurement.Portal.Tests.Purchaser;

/// <summary>
/// The portal's bUnit context, plus what AntDesign components ask the browser after their first render: Select its box
/// (to size its dropdown), Alert its element (its height, for the closing motion). Loose interop answers null, which they
/// do not expect.
/// </summary>
public abstract class PurchaserContext : PortalContext
{
    protected PurchaserContext()
    {
        JSInterop.Setup<DomRect>(JSInteropConstants.GetBoundingClientRect, _ => true).SetResult(new DomRect());
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        JSInterop.Setup<AntDesign.Internal.TextAreaInfo>(JSInteropConstants.InputComponentHelper.GetTextAreaInfo, _ => true)
            .SetResult(new AntDesign.Internal.TextAreaInfo { LineHeight = 22 });

        // The method numbers the wizard reads once per circuit: the national table, unless a test registers other numbers.
        Services.AddSingleton<IMethodRulesClient>(new FakeMethodRules());
        Services.AddSingleton<ILogger<TenderRules>>(NullLogger<TenderRules>.Instance);
        Services.AddScoped<TenderRules>();
    }
}
