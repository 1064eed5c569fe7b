using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Bidding.Domain.Notifications;

namespace Procurement.Bidding.Data;

internal sealed class AgencyNotificationConfiguration : IEntityTypeConfiguration<AgencyNotification>
{
    public void Configure(EntityTypeBuilder<AgencyNotification> notification)
    {
        notification.ToTable("AgencyNotifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        notification.Property(n => n.Code).HasMaxLength(60).IsUnicode(false);
        notification.Property(n => n.Arguments)
            .HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadTexts(s), TermsJson.ListComparer<string>());
        // The inbox reads one agency's notices, newest first, and counts the unread ones.
        notification.HasIndex(n => new { n.AgencyId, n.CreatedAt });
        notification.HasIndex(n => new { n.AgencyId, n.ReadAt });
    }
}
