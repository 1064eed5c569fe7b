using Procurement.Bidding.Domain;
using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Tests;

public sealed class Social_worker_rules
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
    private static readonly ProtectedIdNumber Id = new(new string('A', 64), "5670");

    private static SocialWorker Worker(Certificate? certificate = null, params TrainingRecord[] training) =>
        SocialWorker.Enrol(Guid.NewGuid(), "Wang Fang", Id, certificate ?? Certificate.None, false, training, Today, Now);

    [Theory]
    [InlineData(CertificateLevel.Assistant)]
    [InlineData(CertificateLevel.Intermediate)]
    [InlineData(CertificateLevel.Senior)]
    public void A_certified_worker_needs_the_certificate_number(CertificateLevel level)
    {
        var missing = () => Certificate.Of(level, null);
        var blank = () => Certificate.Of(level, "   ");

        missing.Should().Throw<RuleViolationException>().Which.Code.Should().Be("certificate_number_required");
        blank.Should().Throw<RuleViolationException>().Which.Field.Should().Be("certificateNumber");
        Certificate.Of(level, " S2019440305001 ").Number.Should().Be("S2019440305001");
    }

    [Fact]
    public void A_worker_without_a_certificate_needs_no_number_and_may_not_give_one()
    {
        Certificate.Of(CertificateLevel.None, null).Should().Be(Certificate.None);
        Certificate.Of(CertificateLevel.None, "").Should().Be(Certificate.None);
        var numberWithoutLevel = () => Certificate.Of(CertificateLevel.None, "S2019440305001");

        numberWithoutLevel.Should().Throw<RuleViolationException>().Which.Code.Should().Be("certificate_number_without_level");
    }

    [Fact]
    public void A_new_worker_is_active_and_keeps_only_the_protected_id()
    {
        var worker = Worker(Certificate.Of(CertificateLevel.Intermediate, "S1"));

        worker.Active.Should().BeTrue();
        worker.IdLookupHash.Should().Be(Id.LookupHash);
        worker.IdNumberLastFour.Should().Be("5670");
        worker.CertificateLevel.Should().Be(CertificateLevel.Intermediate);
        worker.Version.Should().Be(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8784)]
    public void Training_hours_from_zero_to_the_hours_of_a_leap_year_are_accepted(int hours)
    {
        Worker(null, new TrainingRecord(2026, hours)).TrainingHoursIn(2026).Should().Be(hours);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(8785)]
    public void Negative_hours_and_more_hours_than_a_year_has_are_refused(int hours)
    {
        var record = () => Worker(null, new TrainingRecord(2026, hours));

        var refusal = record.Should().Throw<RuleViolationException>().Which;
        refusal.Code.Should().Be("training_hours_out_of_range");
        refusal.Field.Should().Be("trainingHours");
    }

    [Fact]
    public void Training_hours_are_taken_for_this_year_and_refused_for_next_year()
    {
        Worker(null, new TrainingRecord(2026, 40)).TrainingHoursIn(2026).Should().Be(40);
        var nextYear = () => Worker(null, new TrainingRecord(2027, 40));

        nextYear.Should().Throw<RuleViolationException>().Which.Code.Should().Be("training_year_in_future");
    }

    [Fact]
    public void A_year_listed_twice_is_refused()
    {
        var twice = () => Worker(null, new TrainingRecord(2025, 10), new TrainingRecord(2025, 20));

        twice.Should().Throw<RuleViolationException>().Which.Code.Should().Be("training_year_repeated");
    }

    [Fact]
    public void The_training_target_is_met_at_120_hours_over_three_years_and_missed_at_119()
    {
        var short1 = Worker(null, new TrainingRecord(2024, 40), new TrainingRecord(2025, 40), new TrainingRecord(2026, 39));
        var met = Worker(null, new TrainingRecord(2024, 40), new TrainingRecord(2025, 40), new TrainingRecord(2026, 40));

        short1.TrainingHoursOverThreeYearsTo(2026).Should().Be(119);
        short1.MeetsTrainingTarget(2026).Should().BeFalse();
        met.MeetsTrainingTarget(2026).Should().BeTrue();
    }

    [Fact]
    public void Hours_older_than_three_years_do_not_count()
    {
        var worker = Worker(null, new TrainingRecord(2023, 100), new TrainingRecord(2024, 20), new TrainingRecord(2026, 30));

        worker.TrainingHoursOverThreeYearsTo(2026).Should().Be(50);
        worker.TrainingHoursOverThreeYearsTo(2025).Should().Be(120);
        worker.Training.Select(t => t.Year).Should().Equal(2023, 2024, 2026);
    }

    [Fact]
    public void A_worker_can_be_deactivated_and_reactivated_and_each_change_counts_once()
    {
        var worker = Worker();

        worker.Deactivate(Now);
        worker.Deactivate(Now);
        worker.Active.Should().BeFalse();
        worker.Version.Should().Be(2);

        worker.Reactivate(Now);
        worker.Active.Should().BeTrue();
        worker.Version.Should().Be(3);
    }
}
