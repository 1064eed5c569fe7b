using Microsoft.AspNetCore.Identity;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// Checks a user name and password for the login page and the password grant alike, counting failures
/// towards Identity's lockout so neither can be used to guess passwords without limit.
/// </summary>
internal sealed class PasswordCheck(UserManager<ProcurementUser> users)
{
    /// <summary>The user, or null when the name is unknown, the password wrong or the account locked out.</summary>
    public async Task<ProcurementUser?> CheckAsync(string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return null;
        }

        await users.ResetAccessFailedCountAsync(user);
        return user;
    }
}
