using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Bidding.Domain.Notifications;
using Procurement.ServiceDefaults.Notifications;

namespace Procurement.Bidding.Data;

internal sealed class AgencyNotificationConfiguration : IEntityTypeConfiguration<AgencyNotification>
{
    public void Configure(EntityTypeBuilder<AgencyNotification> notification)
    {
        notification.IsNoticeTable("AgencyNotifications", n => n.AgencyId);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        notification.Property(n => n.Code).HasMaxLength(60).IsUnicode(false);
        notification.Property(n => n.Arguments)
            .HasConversion(v => TermsJson.Write(v), s => TermsJson.ReadTexts(s), TermsJson.ListComparer<string>());
    }
}
