using AntDesign;
using AntDesign.Internal;
using AntDesign.JsInterop;

namespace Procurement.Portal.Tests.Agency;

/// <summary>
/// The portal's bUnit context, signed in as agency1, with what AntDesign's <c>Alert</c> and <c>TextArea</c> ask the browser after
/// their first render (their size: loose interop would answer null, which they do not survive).
/// </summary>
public abstract class AgencyPageContext : PortalContext
{
    protected AgencyPageContext()
    {
        JSInterop.Setup<HtmlElement>(JSInteropConstants.GetDomInfo, _ => true).SetResult(new HtmlElement());
        JSInterop.Setup<TextAreaInfo>(JSInteropConstants.InputComponentHelper.GetTextAreaInfo, _ => true)
            .SetResult(new TextAreaInfo { LineHeight = 22 });
        SignIn("agency1", "agency", "示范区阳光社会工作服务中心");
    }

    /// <summary>Fills an AntDesign Input and leaves it: the value binds when the field loses focus.</summary>
    protected static void Fill(AngleSharp.Dom.IElement input, string text)
    {
        input.Input(text);
        input.Blur();
    }
}
