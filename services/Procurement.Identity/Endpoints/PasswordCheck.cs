using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// Checks a user name and password for the login page and the password grant alike. Failures in a row under
/// a name slow the next attempts under it (<see cref="SignInDelayOptions"/>) instead of locking the account,
/// and every path does the same work: an unknown name is slowed like a known one and its password is
/// hashed against a dummy hash, so neither the delay nor the response time tells whether a name exists.
/// </summary>
internal sealed class PasswordCheck(
    UserManager<ProcurementUser> users,
    IPasswordHasher<ProcurementUser> hasher,
    DummyPasswordHash dummy,
    IdentityDb db,
    SignInPause pause,
    IOptions<SignInDelayOptions> options,
    TimeProvider clock)
{
    /// <summary>The user, or null when the name is unknown, the password wrong or the account disabled.</summary>
    public async Task<ProcurementUser?> CheckAsync(string? userName, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var normalised = users.NormalizeName(userName.Trim()) ?? userName.Trim();
        var key = SignInFailures.KeyOf(normalised);
        var limits = options.Value;
        var failures = await db.SignInFailures.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        var now = clock.GetUtcNow();
        var recent = failures is not null && now - failures.LastFailedAt < limits.ForgetAfter;
        await pause.WaitAsync(limits.DelayAfter(recent ? failures!.Count : 0), cancellationToken);

        var user = await users.FindByNameAsync(normalised);
        bool passwordMatches;
        if (user?.PasswordHash is null)
        {
            // The same hashing as a real check, on a hash of the same cost, whose answer is thrown away.
            hasher.VerifyHashedPassword(dummy.User, dummy.HashWith(hasher), password);
            passwordMatches = false;
        }
        else
        {
            passwordMatches = await users.CheckPasswordAsync(user, password);
        }

        // An account an administrator disabled (a lockout end in the future) stays closed; failures never set one.
        if (passwordMatches && !await users.IsLockedOutAsync(user!))
        {
            await db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(cancellationToken);
            return user;
        }

        // Not cancellable: a caller who hangs up once the password was checked is counted all the same.
        await RecordFailureAsync(key, recent, clock.GetUtcNow(), CancellationToken.None);
        return null;
    }

    private async Task RecordFailureAsync(string key, bool recent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = db.SignInFailures.Where(f => f.Key == key);
        var updated = recent
            ? await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastFailedAt, now), cancellationToken)
            : await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 1).SetProperty(f => f.LastFailedAt, now), cancellationToken);
        if (updated > 0)
        {
            return;
        }

        db.SignInFailures.Add(new SignInFailures(key, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent failure under the same name inserted the row first: count this one on it.
            db.ChangeTracker.Clear();
            await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastFailedAt, now), cancellationToken);
        }

        // Names nobody has failed under for a long time are forgotten, so guessed names do not pile up.
        var forgotten = now - options.Value.ForgetAfter;
        await db.SignInFailures.Where(f => f.LastFailedAt < forgotten).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Waits before a sign-in is checked; a seam so that tests can see the delays without waiting them.</summary>
internal class SignInPause(TimeProvider clock)
{
    public virtual Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, clock, cancellationToken);
}

/// <summary>
/// A hash of a random password made once, by the host's own hasher on the first check, so that checking
/// against it costs what a real check costs. (The hasher is scoped, this is kept for the host's life.)
/// </summary>
internal sealed class DummyPasswordHash
{
    private string? _hash;

    public ProcurementUser User { get; } = new();

    public string HashWith(IPasswordHasher<ProcurementUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(User, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
}

internal static class PasswordCheckRegistration
{
    /// <summary>The password check with its delays per user name (<c>Identity:SignIn:*</c>).</summary>
    public static WebApplicationBuilder AddPasswordChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInDelayOptions>()
            .BindConfiguration(SignInDelayOptions.Section)
            .Validate(o => o.FreeFailures >= 1, "Identity:SignIn:FreeFailures must be at least 1.")
            .Validate(o => o.FirstDelay > TimeSpan.Zero && o.MaxDelay >= o.FirstDelay,
                "Identity:SignIn:FirstDelay must be above zero and Identity:SignIn:MaxDelay at least as long.")
            .Validate(o => o.MaxDelay <= TimeSpan.FromMinutes(5), "Identity:SignIn:MaxDelay must be at most 5 minutes: a longer wait is a lockout.")
            .Validate(o => o.ForgetAfter > TimeSpan.Zero, "Identity:SignIn:ForgetAfter must be above zero.")
            .ValidateOnStart();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.TryAddSingleton<SignInPause>();
        builder.Services.AddSingleton<DummyPasswordHash>();
        return builder;
    }
}
