using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Awards.Data;

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> award)
    {
        award.ToTable("Awards");
        award.HasKey(a => a.Id);
        award.Property(a => a.Id).ValueGeneratedNever();
        award.HasIndex(a => a.TenderId).IsUnique();
        award.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        award.Property(a => a.Version).IsConcurrencyToken();
        award.Property(a => a.Ranking).AsJson();
        award.Property(a => a.Invalid).AsJson();
        award.Property(a => a.AgencyName).HasMaxLength(Award.MaxAgencyNameLength);
        award.Property(a => a.DeviationReason).HasMaxLength(AwardRules.Default.MaxChallengeLength);
        award.Property(a => a.PublishedBy).HasMaxLength(100);
        // The clock looks for published awards whose window has closed.
        award.HasIndex(a => new { a.Status, a.ChallengeWindowClosesAt });
    }
}

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public void Configure(EntityTypeBuilder<Challenge> challenge)
    {
        challenge.ToTable("Challenges");
        challenge.HasKey(c => c.Id);
        challenge.Property(c => c.Id).ValueGeneratedNever();
        challenge.HasOne<Award>().WithMany().HasForeignKey(c => c.AwardId).OnDelete(DeleteBehavior.Restrict);
        challenge.Property(c => c.LodgedBy).HasMaxLength(100);
        challenge.Property(c => c.AnsweredBy).HasMaxLength(100);
        challenge.Property(c => c.Text).HasMaxLength(AwardRules.Default.MaxChallengeLength);
        challenge.Property(c => c.Answer).HasMaxLength(AwardRules.Default.MaxChallengeLength);
        challenge.Ignore(c => c.IsAnswered);
        challenge.HasIndex(c => new { c.AwardId, c.AnsweredAt });
        challenge.HasIndex(c => new { c.TenderId, c.AgencyId });
    }
}

internal sealed class TenderAwardTermsConfiguration : IEntityTypeConfiguration<TenderAwardTerms>
{
    public void Configure(EntityTypeBuilder<TenderAwardTerms> terms)
    {
        terms.ToTable("TenderAwardTerms");
        terms.HasKey(t => t.TenderId);
        terms.Property(t => t.TenderId).ValueGeneratedNever();
        terms.Property(t => t.Title).HasMaxLength(TenderAwardTerms.MaxTitleLength);
        terms.Property(t => t.ProcurementMethod).HasMaxLength(TenderAwardTerms.MaxMethodLength);
        terms.Property(t => t.Kpis).AsJson();
        terms.Property(t => t.PaymentSchedule).AsJson();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> day)
    {
        day.ToTable("CalendarDays");
        day.HasKey(d => d.Date);
        day.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        day.Property(d => d.Name).HasMaxLength(CalendarDay.MaxNameLength);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> year)
    {
        year.ToTable("CalendarYears");
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();
        year.Property(y => y.Note).HasMaxLength(CalendarYear.MaxNoteLength);
    }
}
