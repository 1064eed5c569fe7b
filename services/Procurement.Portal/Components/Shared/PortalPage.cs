using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Procurement.Portal.Api;
using Procurement.Portal.Auth;
using Procurement.Portal.Client;
using Procurement.ServiceDefaults.Security;

namespace Procurement.Portal.Components.Shared;

/// <summary>
/// The base of a portal page that calls the API: <see cref="CallAsync{T}"/> runs a call and turns a refusal into what
/// the page shows — the API's 404 or 403 as the portal's refusal page (<see cref="Refused"/>), any other ProblemDetails
/// into <see cref="Errors"/> beside the fields it names — and an ended session into a new sign-in that comes back here.
/// </summary>
public abstract class PortalPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private bool _gone;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The refusal of the last call, by field.</summary>
    protected FieldErrors Errors { get; } = new();

    /// <summary>404 or 403 when the thing the page shows does not exist for this person, or may not be seen by them.</summary>
    protected int? Refused { get; set; }

    /// <summary>True while a call runs (buttons show it and refuse a second click).</summary>
    protected bool Busy { get; private set; }

    /// <summary>Cancelled once the page is gone (disposed): a call still running stops, and no new one starts.</summary>
    protected CancellationToken Aborted => _gone ? new CancellationToken(canceled: true) : _disposed.Token;

    /// <summary>
    /// The data-testid prefix of every element that changes something (publish, sign, approve, draw…): the auditor's
    /// walk through the portal finds none of them. A page wraps each action it gates with <see cref="CanAct"/> in an
    /// element whose test id starts with this prefix (e.g. <c>&lt;span data-testid="act-publish"&gt;</c>).
    /// </summary>
    public const string ActionTestIdPrefix = "act-";

    [CascadingParameter] private Task<AuthenticationState>? Caller { get; set; }

    /// <summary>
    /// The roles that act on this page: the page's <see cref="PortalRolesAttribute"/> roles, else every role; never the
    /// auditor, who reads every page and acts on none (a component inside a page says its own by overriding this).
    /// </summary>
    protected virtual IReadOnlyList<string> ActingRoles =>
        GetType().GetCustomAttribute<PortalRolesAttribute>()?.Roles ?? Roles.All;

    /// <summary>
    /// Whether the signed-in person may act here (buttons that change something are rendered) — false for a read-only
    /// reader (the auditor) and while the sign-in is not known yet. The one place of the read-only rule.
    /// </summary>
    protected bool CanAct => Caller is { IsCompletedSuccessfully: true } caller && MayAct(caller.Result.User, ActingRoles);

    /// <summary>The read-only rule: a person acts when they hold one of the acting roles other than the auditor's.</summary>
    public static bool MayAct(ClaimsPrincipal user, IEnumerable<string> actingRoles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actingRoles);
        return user.Identity?.IsAuthenticated == true
            && actingRoles.Any(role => !string.Equals(role, Roles.Auditor, StringComparison.Ordinal) && user.IsInRole(role));
    }

    /// <summary>Runs an API call; null (and <see cref="Errors"/> or <see cref="Refused"/> set) when the API refused it.</summary>
    protected async Task<T?> CallAsync<T>(Func<CancellationToken, Task<T>> call, bool refusalIsPage = false)
    {
        ArgumentNullException.ThrowIfNull(call);

        // A page left while it loads (disposed between two of its calls) stops there: Blazor ends a cancelled lifecycle
        // method quietly, where the disposed source's token would throw into the circuit and end it for the next page too.
        var aborted = Aborted;
        aborted.ThrowIfCancellationRequested();
        Busy = true;
        Errors.Clear();
        try
        {
            return await call(aborted);
        }
        catch (ApiException e) when (refusalIsPage && e.StatusCode is 403 or 404)
        {
            Refused = e.StatusCode;
            return default;
        }
        catch (ApiException e)
        {
            Errors.From(e);
            return default;
        }
        catch (PortalSessionEndedException)
        {
            Navigation.NavigateTo(PortalModule.SignInPath + "?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);
            return default;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>As <see cref="CallAsync{T}"/> for a call that answers nothing; true when it succeeded.</summary>
    protected async Task<bool> CallAsync(Func<CancellationToken, Task> call, bool refusalIsPage = false)
    {
        ArgumentNullException.ThrowIfNull(call);
        return await CallAsync(async token =>
        {
            await call(token);
            return true;
        }, refusalIsPage);
    }

    public void Dispose()
    {
        _gone = true;
        _disposed.Cancel();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }
}
