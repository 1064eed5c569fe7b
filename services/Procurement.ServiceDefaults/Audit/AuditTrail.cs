using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Audit;

/// <summary>
/// Writes the <see cref="AuditEntry"/> of a unit of work into the same save (<see cref="Persistence.AggregateEvents"/> calls it for
/// every <see cref="IOutboxContext"/>): one entry per save that writes an audited entity, naming every entity it writes.
/// </summary>
public static class AuditTrail
{
    public const string Redacted = "(redacted)";

    /// <summary>The platform's own rows, which are not business state (see <see cref="NotAuditedAttribute"/> for the services' own).</summary>
    private static readonly HashSet<Type> Infrastructure =
    [
        typeof(AuditEntry), typeof(OutboxMessage), typeof(InboxMessage), typeof(DeadLetter), typeof(RevokedUser), typeof(OutgoingMail),
    ];

    /// <summary>Parts of property names whose values are secrets: they are written as <see cref="Redacted"/>.</summary>
    private static readonly string[] SecretNames = ["Password", "SecurityStamp", "ConcurrencyStamp", "Secret", "TokenHash", "KeyMaterial"];

    /// <summary>
    /// Adds the entry of the changes now tracked (none when nothing audited changes). An entry a failed attempt of the
    /// same unit of work added is taken out first: the entry describes what this attempt saves.
    /// </summary>
    public static AuditEntry? Capture(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Model.FindEntityType(typeof(AuditEntry)) is null)
        {
            return null;
        }

        foreach (var stale in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Audited(e))
            .ToList();
        if (changed.Count == 0)
        {
            return null;
        }

        var actor = Pinned.TryGetValue(db, out var pinned) ? pinned : ActorOf(db);
        var entry = new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            At = AuditEntry.StoredPrecision(ClockOf(db).GetUtcNow()),
            ActorId = actor.Id,
            ActorRole = actor.Role,
            ActorOrganisationId = actor.OrganisationId,
            Reason = actor.Reason,
            What = Truncate(string.Join("; ", changed
                .GroupBy(e => (Name: e.Metadata.ClrType.Name, e.State))
                .Select(g => g.Count() == 1 ? $"{g.Key.Name} {g.Key.State}" : $"{g.Key.Name} {g.Key.State} ×{g.Count()}")), AuditEntry.WhatMaxLength),
            Changes = Describe(changed),
        };
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    /// <summary>
    /// Fixes who acts for <paramref name="db"/>'s next saves to who acts in the current flow of work, until disposed: for a
    /// save that runs on another thread (SQLite's group commit writer), where neither the request's user nor the
    /// <see cref="AuditScope"/> flows.
    /// </summary>
    public static IDisposable Pin(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Pinned.AddOrUpdate(db, ActorOf(db));
        return new Unpin(db);
    }

    /// <summary>Who acts in the current flow of work: the <see cref="AuditScope"/>'s platform part, else the request's user, else "system".</summary>
    private static Actor ActorOf(DbContext db)
    {
        var scope = AuditScope.Current;
        var reason = Truncate(scope?.Reason ?? "", AuditEntry.ReasonMaxLength);
        if (scope?.Actor is { } part)
        {
            return new Actor(Truncate(part, AuditEntry.ActorMaxLength), "", null, reason);
        }

        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var user = (services?.GetService(typeof(IHttpContextAccessor)) as IHttpContextAccessor)?.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return new Actor("system", "", null, reason);
        }

        return new Actor(
            Truncate(user.UserId(), AuditEntry.ActorMaxLength),
            Truncate(string.Join(',', user.FindAll(ProcurementClaims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)), AuditEntry.RoleMaxLength),
            Guid.TryParse(user.FindFirstValue(ProcurementClaims.OrganisationId), out var organisation) ? organisation : null,
            reason);
    }

    private static TimeProvider ClockOf(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>Whether saving the entry's entity is a state change the audit chain records.</summary>
    public static bool Audited(EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var type = entry.Metadata.ClrType;
        return !Infrastructure.Contains(type)
            && !type.IsDefined(typeof(NotAuditedAttribute), inherit: false)
            && !(type.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) ?? false)
            && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Microsoft.AspNetCore.Identity.IdentityUserToken<>));
    }

    private static string Describe(List<EntityEntry> changed)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var entry in changed)
            {
                json.WriteStartObject();
                json.WriteString("entity", entry.Metadata.DisplayName());
                json.WriteString("key", string.Join(',', entry.Metadata.FindPrimaryKey()?.Properties
                    .Select(p => Text(entry.Property(p.Name).CurrentValue)) ?? []));
                json.WriteString("state", entry.State.ToString());
                var properties = entry.Properties
                    .Where(p => entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
                    .OrderBy(p => p.Metadata.Name, StringComparer.Ordinal)
                    .ToList();
                if (entry.State != EntityState.Added)
                {
                    json.WritePropertyName("before");
                    WriteValues(json, properties, original: true);
                }

                if (entry.State != EntityState.Deleted)
                {
                    json.WritePropertyName("after");
                    WriteValues(json, properties, original: false);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValues(Utf8JsonWriter json, List<PropertyEntry> properties, bool original)
    {
        json.WriteStartObject();
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            var value = original ? property.OriginalValue : property.CurrentValue;
            json.WritePropertyName(name);
            if (value is null)
            {
                json.WriteNullValue();
            }
            else if (SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                json.WriteStringValue(Redacted);
            }
            else
            {
                switch (value)
                {
                    case bool b: json.WriteBooleanValue(b); break;
                    case int or long or short or byte or decimal or double or float:
                        json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!); break;
                    case string or byte[] or Guid or DateTimeOffset or DateTime or DateOnly or TimeOnly or TimeSpan or Enum:
                        json.WriteStringValue(Text(value)); break;
                    default:
                        // A value object or a list kept in one column: as the JSON of its parts, not its type's name.
                        JsonSerializer.Serialize(json, value, value.GetType(), ValueJson); break;
                }
            }
        }

        json.WriteEndObject();
    }

    /// <summary>A value as invariant text: times in ISO 8601, bytes as their SHA-256 and length (never the bytes).</summary>
    private static string Text(object? value) => value switch
    {
        null => "",
        byte[] bytes => $"sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))} ({bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes)",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private static readonly ConditionalWeakTable<DbContext, Actor> Pinned = [];

    private static readonly JsonSerializerOptions ValueJson = new(JsonSerializerDefaults.General)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private sealed record Actor(string Id, string Role, Guid? OrganisationId, string Reason);

    private sealed class Unpin(DbContext db) : IDisposable
    {
        public void Dispose() => Pinned.Remove(db);
    }
}
