using System.Globalization;
using System.Text;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Audit;

/// <summary>
/// One state change of a service (DOMAIN.md §10, issue 18 item 3): a unit of work that saved, who made it (user, role,
/// organisation, or the part of the platform that acted for nobody), when, what it changed (every entity it wrote, with
/// the values before and after) and why. It is written in the same transaction as the change, so a change is never
/// saved without its entry.
/// <para>
/// The service's <see cref="AuditChainer{TContext}"/> then links the entries into the service's hash chain, in the order
/// it finds them: <see cref="Sequence"/> 1, 2, 3 … without gaps, and <see cref="Hash"/> = H(<see cref="PreviousHash"/> +
/// "\n" + <see cref="CanonicalRow"/>) with the hash of the suite named by <see cref="Suite"/> (the one current when it was
/// linked). Changing, removing or reordering a linked entry breaks every link after it; an entry not linked yet has no
/// sequence and no hash.
/// </para>
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public const int ActorMaxLength = 200;
    public const int RoleMaxLength = 200;
    public const int WhatMaxLength = 1000;
    public const int ReasonMaxLength = 2000;
    public const int SuiteMaxLength = 16;

    /// <summary>Made when the change is saved (version 7: roughly in time order).</summary>
    public Guid Id { get; set; }

    /// <summary>The place in the chain; null until linked.</summary>
    public long? Sequence { get; set; }

    /// <summary>When the change was saved, in whole milliseconds (what every store keeps exactly).</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The user's id, or <c>system:…</c> for the platform acting on a message or the clock.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>The user's roles, comma-separated; empty for the platform.</summary>
    public string ActorRole { get; set; } = "";

    public Guid? ActorOrganisationId { get; set; }

    /// <summary>A line naming what changed: "Tender Modified; TenderAmendment Added".</summary>
    public string What { get; set; } = "";

    /// <summary>Why, where the one who acted said (a refusal's reason, the message that caused it); may be empty.</summary>
    public string Reason { get; set; } = "";

    /// <summary>
    /// The JSON array of the entities written: <c>{"entity","key","state","before","after"}</c>, where before and after
    /// hold the values of the properties that changed (every property of an added or removed entity). Secrets are
    /// written as "(redacted)" and bytes as their SHA-256 and length, never as themselves.
    /// </summary>
    public string Changes { get; set; } = "[]";

    /// <summary>The crypto suite whose hash linked the entry; empty until linked.</summary>
    public string Suite { get; set; } = "";

    public string? PreviousHash { get; set; }

    public string? Hash { get; set; }

    /// <summary>Links the entry after <paramref name="previous"/> (none: the chain's first) with <paramref name="suite"/>.</summary>
    public void LinkAfter(AuditEntry? previous, CryptoSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        Sequence = (previous?.Sequence ?? 0) + 1;
        PreviousHash = previous?.Hash ?? GenesisHash;
        Suite = suite.Id;
        Hash = ComputeHash(suite);
    }

    /// <summary>Every field but the hashes, in a fixed order and invariant format, separated by '|' (free text escaped).</summary>
    public string CanonicalRow() => string.Join('|',
        (Sequence ?? 0).ToString(CultureInfo.InvariantCulture),
        Id.ToString("D"),
        At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Escape(ActorId),
        Escape(ActorRole),
        ActorOrganisationId?.ToString("D") ?? "",
        Escape(What),
        Escape(Reason),
        Escape(Changes),
        Escape(Suite));

    /// <summary>The link's hash as <paramref name="suite"/> computes it from the stored fields (lower-case hex).</summary>
    public string ComputeHash(CryptoSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return Convert.ToHexStringLower(suite.Hash(Encoding.UTF8.GetBytes((PreviousHash ?? "") + "\n" + CanonicalRow())));
    }

    /// <summary>The moment truncated to whole milliseconds, which every store of the platform keeps exactly.</summary>
    public static DateTimeOffset StoredPrecision(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>A free-text field for a '|'-separated canonical row: '\\' and '|' escaped.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
