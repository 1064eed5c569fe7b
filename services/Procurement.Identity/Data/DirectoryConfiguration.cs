using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Procurement.Identity.Domain;

namespace Procurement.Identity.Data;

/// <summary>Instants as Unix milliseconds: compared and ordered in SQL on SQLite as on SQL Server.</summary>
internal static class UnixMilliseconds
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableConverter =
        new(v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null, v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);
}

/// <summary>The directory's columns of an organisation: region, division code, deactivation.</summary>
internal sealed class OrganisationDirectoryConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(o => o.Region).HasMaxLength(Organisation.RegionMaxLength);
        organisation.Property(o => o.DivisionCode).HasMaxLength(Organisation.DivisionCodeLength).IsFixedLength();
        organisation.Property(o => o.DeactivatedAt).HasConversion(UnixMilliseconds.NullableConverter);
        organisation.Ignore(o => o.Active);
        organisation.HasIndex(o => o.Kind);
        organisation.Property(o => o.RegistrationAuthority).HasMaxLength(Organisation.RegistrationAuthorityMaxLength);
        organisation.Property(o => o.LegalRepresentative).HasMaxLength(Organisation.LegalRepresentativeMaxLength);
        organisation.Property(o => o.Address).HasMaxLength(Organisation.AddressMaxLength);
        organisation.Property(o => o.AwaitingConfirmationSince).HasConversion(UnixMilliseconds.NullableConverter);
        organisation.Property(o => o.SuspendedAt).HasConversion(UnixMilliseconds.NullableConverter);
        organisation.Property(o => o.SuspensionReason).HasMaxLength(Organisation.SuspensionReasonMaxLength);
        organisation.Ignore(o => o.Suspended);
    }
}

internal sealed class OrganisationAuditConfiguration : IEntityTypeConfiguration<OrganisationAudit>
{
    public void Configure(EntityTypeBuilder<OrganisationAudit> audit)
    {
        audit.ToTable("OrganisationAudit");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).ValueGeneratedNever();
        audit.Property(a => a.Change).HasConversion<string>().HasMaxLength(32);
        audit.Property(a => a.OldValue).HasMaxLength(OrganisationAudit.ValueMaxLength);
        audit.Property(a => a.NewValue).HasMaxLength(OrganisationAudit.ValueMaxLength);
        audit.Property(a => a.ActorId).HasMaxLength(64);
        audit.Property(a => a.ActorName).HasMaxLength(OrganisationAudit.ActorNameMaxLength).IsRequired();
        audit.Property(a => a.At).HasConversion(UnixMilliseconds.Converter);
        audit.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        audit.HasIndex(a => new { a.OrganisationId, a.At });
        audit.HasIndex(a => new { a.UserId, a.At });
    }
}

internal sealed class OneTimeLinkConfiguration : IEntityTypeConfiguration<OneTimeLink>
{
    public void Configure(EntityTypeBuilder<OneTimeLink> link)
    {
        link.ToTable("OneTimeLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.Id).ValueGeneratedNever();
        link.Property(l => l.Purpose).HasConversion<string>().HasMaxLength(32);
        link.Property(l => l.TokenHash).HasMaxLength(OneTimeLink.HashLength).IsFixedLength().IsRequired();
        link.Property(l => l.CreatedAt).HasConversion(UnixMilliseconds.Converter);
        link.Property(l => l.ExpiresAt).HasConversion(UnixMilliseconds.Converter);
        link.Property(l => l.UsedAt).HasConversion(UnixMilliseconds.NullableConverter);
        link.HasOne<ProcurementUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.UserId);
    }
}
