using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Procurement.Identity.Domain;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Identity.Data;

/// <summary>
/// Users and roles (ASP.NET Core Identity), OpenIddict's applications, authorizations, scopes and tokens,
/// and the organisations people belong to. It derives from <c>IdentityDbContext</c>, so it has the outbox, inbox and
/// dead letters by composition (<see cref="IOutboxContext"/>, raising events with <c>db.Raise(...)</c>) and a mail
/// outbox (<see cref="IMailOutbox"/>, <c>db.EnqueueMail(...)</c>), whose tables <c>AddMessagingTables</c> adds.
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<ProcurementUser, IdentityRole<Guid>, Guid>(options), IOutboxContext, IMailOutbox
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<OrganisationAudit> OrganisationAudit => Set<OrganisationAudit>();

    public DbSet<OneTimeLink> OneTimeLinks => Set<OneTimeLink>();

    /// <summary>Saves, with the events the tracked aggregates recorded (<see cref="AggregateEvents"/>) in the same transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        this.SaveWithEvents(() => base.SaveChanges(acceptAllChangesOnSuccess));

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        this.SaveWithEventsAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.AddMessagingTables(this);

        builder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("Organisations");
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength).IsRequired();
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            organisation.Property(o => o.UnifiedSocialCreditCode).HasMaxLength(Organisation.UnifiedSocialCreditCodeLength).IsFixedLength();
            organisation.HasIndex(o => o.UnifiedSocialCreditCode).IsUnique();
        });

        builder.Entity<SignInFailures>(failures =>
        {
            failures.ToTable("SignInFailures");
            failures.HasKey(f => f.Key);
            failures.Property(f => f.Key).HasMaxLength(Domain.SignInFailures.KeyLength).IsFixedLength();

            // Unix milliseconds: compared and updated in SQL on SQLite as on SQL Server.
            failures.Property(f => f.FirstFailedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            failures.Property(f => f.LastFailedAt).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            failures.HasIndex(f => f.LastFailedAt);
        });

        builder.Entity<SecurityEvent>(log =>
        {
            log.ToTable("SecurityEvents");
            log.HasKey(e => e.Id);
            log.Property(e => e.Id).ValueGeneratedOnAdd();

            // Unix milliseconds, as SignInFailures: ordered and filtered in SQL on SQLite as on SQL Server.
            log.Property(e => e.At).HasConversion(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
            log.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
            log.Property(e => e.UserName).HasMaxLength(SecurityEvent.UserNameMaxLength);
            log.Property(e => e.ClientIp).HasMaxLength(SecurityEvent.ClientIpMaxLength);
            log.Property(e => e.UserAgent).HasMaxLength(SecurityEvent.UserAgentMaxLength);
            log.Property(e => e.ClientId).HasMaxLength(SecurityEvent.ClientIdMaxLength);
            log.HasIndex(e => e.At);
            log.HasIndex(e => new { e.UserName, e.At });
        });

        builder.Entity<ProcurementUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ProcurementUser.DisplayNameMaxLength).IsRequired();
            user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            user.Property(u => u.DeactivatedAt).HasConversion(UnixMilliseconds.NullableConverter);
            user.HasIndex(u => u.OrganisationId);
        });

        // The directory (issue 14): organisations as data, their audit, one-time links (Data/DirectoryConfiguration.cs).
        builder.ApplyConfiguration(new OrganisationDirectoryConfiguration());
        builder.ApplyConfiguration(new OrganisationAuditConfiguration());
        builder.ApplyConfiguration(new OneTimeLinkConfiguration());
    }
}
