using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Procurement.ServiceDefaults.Mail;

namespace Procurement.ServiceDefaults.Messaging;

/// <summary>
/// A DbContext that carries the transactional outbox, the idempotent inbox and the dead letters. Every service's
/// context gets them from <see cref="Persistence.ServiceDbContext"/>; a context that must derive from another base
/// (Identity's <c>IdentityDbContext</c>) implements this interface and calls
/// <see cref="OutboxContext.AddMessagingTables"/> in <c>OnModelCreating</c>: the dispatcher, the consumers, the dead
/// letter operations and the health checks are keyed on the interface, not on the base class.
/// </summary>
public interface IOutboxContext
{
    DbSet<OutboxMessage> OutboxMessages => ((DbContext)this).Set<OutboxMessage>();

    DbSet<InboxMessage> InboxMessages => ((DbContext)this).Set<InboxMessage>();

    /// <summary>Messages this service's consumers failed on after every retry, until replayed (see <see cref="DeadLetter"/>).</summary>
    DbSet<DeadLetter> DeadLetters => ((DbContext)this).Set<DeadLetter>();

    /// <summary>Users whose earlier access tokens every service refuses (Identity's <c>UserAccessRevoked</c>).</summary>
    DbSet<Security.RevokedUser> RevokedUsers => ((DbContext)this).Set<Security.RevokedUser>();

    /// <summary>The service's audit trail: every state change, linked into the service's hash chain (<see cref="Audit.AuditEntry"/>).</summary>
    DbSet<Audit.AuditEntry> AuditEntries => ((DbContext)this).Set<Audit.AuditEntry>();
}

/// <summary>The outbox by composition: its tables in a model, events raised into it, the app's clock.</summary>
public static class OutboxContext
{
    internal static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>An event as the outbox stores it (its <see cref="OutboxMessage.Payload"/>).</summary>
    public static string WriteEvent(object integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), EventJson);
    }

    /// <summary>An event the outbox stored, read back as <paramref name="type"/>.</summary>
    public static object ReadEvent(string payload, Type type) =>
        JsonSerializer.Deserialize(payload, type, EventJson) ?? throw new JsonException($"The payload of a {type.Name} is empty.");

    /// <summary>Adds an integration event to the outbox; it is published only if this unit of work commits.</summary>
    public static void Raise<TEvent>(this IOutboxContext db, TEvent integrationEvent)
        where TEvent : class => Enqueue(db, integrationEvent);

    /// <summary>Adds an integration event to the outbox and answers the row it added.</summary>
    internal static OutboxMessage Enqueue(this IOutboxContext db, object integrationEvent)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        var now = ClockOf((DbContext)db).GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            MessageType = OutboxMessage.TypeName(type),
            Payload = WriteEvent(integrationEvent),
            OccurredAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current?.Id,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>The app's clock where the context came from DI; the system clock at design time.</summary>
    public static TimeProvider ClockOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// The tables of the composition <paramref name="context"/> takes part in: OutboxMessages, InboxMessages,
    /// DeadLetters, RevokedUsers and AuditEntries for an <see cref="IOutboxContext"/>, OutgoingMails for an <see cref="IMailOutbox"/>. On SQLite their
    /// times are stored as binary (text cannot be ordered or compared), as <see cref="Persistence.ServiceDbContext"/>'s
    /// conventions store every time; on SQL Server they keep the native <c>datetimeoffset</c>.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);
        var sqlite = context.Database.IsSqlite();
        if (context is IOutboxContext)
        {
            modelBuilder.Entity<OutboxMessage>(outbox =>
            {
                outbox.ToTable("OutboxMessages");
                outbox.HasKey(m => m.Id);
                outbox.Property(m => m.MessageType).HasMaxLength(300);
                outbox.Property(m => m.TraceParent).HasMaxLength(100);
                outbox.Property(m => m.LastError).HasMaxLength(2000);
                outbox.HasIndex(m => new { m.DispatchedAt, m.NextAttemptAt });
                TimesAsBinary(outbox, sqlite);
            });
            modelBuilder.Entity<InboxMessage>(inbox =>
            {
                inbox.ToTable("InboxMessages");
                inbox.HasKey(m => new { m.MessageId, m.Consumer });
                inbox.Property(m => m.Consumer).HasMaxLength(300);
                TimesAsBinary(inbox, sqlite);
            });
            modelBuilder.Entity<DeadLetter>(dead =>
            {
                dead.ToTable("DeadLetters");
                dead.HasKey(m => m.Id);
                dead.HasIndex(m => new { m.MessageId, m.Consumer }).IsUnique();
                dead.Property(m => m.MessageType).HasMaxLength(300);
                dead.Property(m => m.Consumer).HasMaxLength(300);
                dead.Property(m => m.Endpoint).HasMaxLength(300);
                dead.Property(m => m.Error).HasMaxLength(4000);
                TimesAsBinary(dead, sqlite);
            });
            modelBuilder.Entity<Audit.AuditEntry>(audit =>
            {
                audit.ToTable("AuditEntries");
                audit.HasKey(a => a.Id);
                audit.Property(a => a.Id).ValueGeneratedNever();
                audit.Property(a => a.ActorId).HasMaxLength(Audit.AuditEntry.ActorMaxLength);
                audit.Property(a => a.ActorRole).HasMaxLength(Audit.AuditEntry.RoleMaxLength);
                audit.Property(a => a.What).HasMaxLength(Audit.AuditEntry.WhatMaxLength);
                audit.Property(a => a.Reason).HasMaxLength(Audit.AuditEntry.ReasonMaxLength);
                audit.Property(a => a.Suite).HasMaxLength(Audit.AuditEntry.SuiteMaxLength);
                audit.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
                audit.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();

                // One row per place in the chain; a second chainer that took the same place fails here and links again.
                audit.HasIndex(a => a.Sequence).IsUnique().HasFilter("[Sequence] IS NOT NULL").HasDatabaseName("UX_AuditEntries_Sequence");

                // The entries still to link, in the order they are linked.
                audit.HasIndex(a => new { a.At, a.Id }).HasFilter("[Sequence] IS NULL").HasDatabaseName("IX_AuditEntries_Unlinked");
                TimesAsBinary(audit, sqlite);
            });
            modelBuilder.Entity<Security.RevokedUser>(revoked =>
            {
                revoked.ToTable("RevokedUsers");
                revoked.HasKey(r => r.UserId);
                revoked.Property(r => r.UserId).HasMaxLength(Security.RevokedUser.UserIdMaxLength);
                TimesAsBinary(revoked, sqlite);
            });
        }

        if (context is IMailOutbox)
        {
            modelBuilder.Entity<OutgoingMail>(mail =>
            {
                mail.ToTable("OutgoingMails");
                mail.HasKey(m => m.Id);
                mail.Property(m => m.Id).ValueGeneratedNever();
                mail.Property(m => m.MessageId).HasMaxLength(OutgoingMail.MessageIdMaxLength);
                mail.HasIndex(m => m.MessageId).IsUnique();
                mail.Property(m => m.To).HasMaxLength(OutgoingMail.AddressMaxLength);
                mail.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength);
                mail.Property(m => m.Culture).HasMaxLength(16);
                mail.Property(m => m.TraceParent).HasMaxLength(100);
                mail.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorMaxLength);
                mail.HasIndex(m => new { m.SentAt, m.FailedAt, m.NextAttemptAt });
                TimesAsBinary(mail, sqlite);
            });
        }

        return modelBuilder;
    }

    private static void TimesAsBinary<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> entity, bool sqlite)
        where T : class
    {
        if (!sqlite)
        {
            return;
        }

        foreach (var property in typeof(T).GetProperties())
        {
            if (property.PropertyType == typeof(DateTimeOffset) || property.PropertyType == typeof(DateTimeOffset?))
            {
                entity.Property(property.Name).HasConversion<DateTimeOffsetToBinaryConverter>();
            }
        }
    }
}
