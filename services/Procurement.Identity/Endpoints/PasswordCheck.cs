using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Procurement.Identity.Accounts;
using Procurement.Identity.Data;
using Procurement.Identity.Domain;
using Procurement.Identity.Security;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Identity.Endpoints;

/// <summary>
/// Checks a user name and password for the login page and the password grant alike, and locks a name after
/// <see cref="SignInLockoutOptions.Failures"/> failures within <see cref="SignInLockoutOptions.Window"/> for
/// <see cref="SignInLockoutOptions.Duration"/> — a wrong second-factor code counts as a failure too. Every path does
/// the same work and gives the same answer: an unknown name is counted and locked like a known one, its password
/// is hashed against a dummy hash, and a locked name's password is hashed all the same (and then ignored), so
/// neither the answer nor the response time tells whether a name exists, is locked, or had the right password.
/// Each attempt goes to the security log.
/// </summary>
internal sealed class PasswordCheck(
    UserManager<ProcurementUser> users,
    IPasswordHasher<ProcurementUser> hasher,
    DummyPasswordHash dummy,
    IdentityDb db,
    SecurityLog log,
    IOptions<SignInLockoutOptions> options,
    IConfiguration configuration,
    TimeProvider clock)
{
    /// <summary>The name as the log and the lockout know it (Identity's normalised form, upper case).</summary>
    public string Normalise(string userName) => users.NormalizeName(userName.Trim()) ?? userName.Trim();

    /// <summary>
    /// The user when the password is right and neither the name is locked nor the account disabled; null otherwise,
    /// the failure counted and logged. Call <see cref="SignedInAsync"/> once the sign-in completes (after the second
    /// factor, when there is one): only then are the failures under the name forgotten.
    /// </summary>
    public async Task<ProcurementUser?> CheckAsync(string? userName, string? password, string? clientId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return null;
        }

        var normalised = Normalise(userName);
        var locked = await IsLockedAsync(normalised, cancellationToken);
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
            // Checked even while locked, so that a locked name answers as slowly as any other.
            passwordMatches = hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        }

        if (locked)
        {
            await log.RecordAsync(SecurityEventKind.RefusedWhileLockedOut, user?.Id, normalised, clientId);
            return null;
        }

        // An account an administrator disabled (a lockout end in the future) stays closed; failures never set one.
        if (passwordMatches && !await users.IsLockedOutAsync(user!))
        {
            return user;
        }

        await FailedAsync(normalised, user?.Id, SecurityEventKind.SignInFailed, clientId);
        return null;
    }

    /// <summary>Whether the name is locked now.</summary>
    public async Task<bool> IsLockedAsync(string normalisedUserName, CancellationToken cancellationToken = default)
    {
        var key = SignInFailures.KeyOf(normalisedUserName);
        var failures = await db.SignInFailures.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
        return failures is not null && failures.IsLockedAt(clock.GetUtcNow(), options.Value);
    }

    /// <summary>
    /// A known user with an e-mail is told their name is locked, until when, and where to reset the password; the mail is
    /// enqueued here and saved with the LockedOut row (one unit of work). A deactivated user is told nothing.
    /// </summary>
    private async Task NoticeLockoutAsync(Guid? userId, DateTimeOffset until)
    {
        if (userId is not { } id || await users.FindByIdAsync(id.ToString()) is not { DeactivatedAt: null, Email: { Length: > 0 } email } user)
        {
            return;
        }

        var forgotPassword = new Uri(new Uri(PublicBaseUrl.Of(configuration).AbsoluteUri.TrimEnd('/') + "/"), ForgotPasswordEndpoints.Path.TrimStart('/'));
        db.EnqueueMail(AccountMails.LockedOut(email, user.DisplayName, user.UserName ?? "", until, forgotPassword));
    }

    /// <summary>The sign-in completed: logs it and forgets the failures under the name.</summary>
    public async Task SignedInAsync(ProcurementUser user, string normalisedUserName, string? clientId)
    {
        var key = SignInFailures.KeyOf(normalisedUserName);
        await db.SignInFailures.Where(f => f.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        await log.RecordAsync(SecurityEventKind.SignedIn, user.Id, normalisedUserName, clientId);
    }

    /// <summary>
    /// Counts a failure under the name (a wrong password or second-factor code) and logs it as <paramref name="kind"/>;
    /// the one that reaches the limit also logs <see cref="SecurityEventKind.LockedOut"/>. Not cancellable: a caller
    /// who hangs up once the password was checked is counted all the same.
    /// </summary>
    public async Task FailedAsync(string normalisedUserName, Guid? userId, SecurityEventKind kind, string? clientId)
    {
        var limits = options.Value;
        var key = SignInFailures.KeyOf(normalisedUserName);
        var now = clock.GetUtcNow();
        var rows = db.SignInFailures.Where(f => f.Key == key);
        var current = await rows.AsNoTracking().FirstOrDefaultAsync();
        if (current is null)
        {
            db.SignInFailures.Add(new SignInFailures(key, now));
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException exception) when (SaveOrConflict.IsDuplicateKey(exception))
            {
                // A concurrent failure under the same name inserted the row first: count this one on it.
                db.ChangeTracker.Clear();
                await rows.Where(f => f.Count < limits.Failures)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastFailedAt, now));
            }
        }
        else if (current.StartsAfresh(now, limits))
        {
            await rows.ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, 1).SetProperty(f => f.FirstFailedAt, now).SetProperty(f => f.LastFailedAt, now));
        }
        else
        {
            await rows.Where(f => f.Count < limits.Failures)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Count, f => f.Count + 1).SetProperty(f => f.LastFailedAt, now));
        }

        await log.RecordAsync(kind, userId, normalisedUserName, clientId);
        var count = await rows.Select(f => f.Count).FirstOrDefaultAsync();
        if (count >= limits.Failures && (current is null || current.Count < limits.Failures || current.StartsAfresh(now, limits)))
        {
            await NoticeLockoutAsync(userId, now + limits.Duration);
            await log.RecordAsync(SecurityEventKind.LockedOut, userId, normalisedUserName, clientId);
        }

        // Names nobody has failed under for a long time are forgotten, so guessed names do not pile up.
        var forgotten = now - limits.Window - limits.Duration;
        await db.SignInFailures.Where(f => f.LastFailedAt < forgotten).ExecuteDeleteAsync();
    }
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
    /// <summary>The password check with its lockout per user name (<c>Identity:SignIn:*</c>) and the security log.</summary>
    public static WebApplicationBuilder AddPasswordChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignInLockoutOptions>()
            .BindConfiguration(SignInLockoutOptions.Section)
            .Validate(o => o.Failures >= 1, "Identity:SignIn:Failures must be at least 1.")
            .Validate(o => o.Window > TimeSpan.Zero && o.Duration > TimeSpan.Zero, "Identity:SignIn:Window and Identity:SignIn:Duration must be above zero.")
            .ValidateOnStart();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.AddSingleton<DummyPasswordHash>();
        builder.Services.AddSecurityLog();
        return builder;
    }
}
