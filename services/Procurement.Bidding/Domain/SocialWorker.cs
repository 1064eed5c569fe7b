using Procurement.Rules.Refusals;

namespace Procurement.Bidding.Domain;

/// <summary>The national social-work qualification (社会工作者职业水平证书) a worker holds, if any.</summary>
public enum CertificateLevel
{
    None,

    /// <summary>助理社会工作师</summary>
    Assistant,

    /// <summary>社会工作师</summary>
    Intermediate,

    /// <summary>高级社会工作师</summary>
    Senior,
}

/// <summary>A level and the number of the certificate that proves it; no number without a level, none missing with one.</summary>
public sealed record Certificate
{
    private Certificate(CertificateLevel level, string? number)
    {
        Level = level;
        Number = number;
    }

    public static Certificate None { get; } = new(CertificateLevel.None, null);

    public CertificateLevel Level { get; }

    public string? Number { get; }

    public static Certificate Of(CertificateLevel level, string? number)
    {
        var trimmed = string.IsNullOrWhiteSpace(number) ? null : number.Trim();
        if (level == CertificateLevel.None)
        {
            return trimmed is null
                ? None
                : throw new RuleViolationException("certificate_number_without_level", "certificateNumber");
        }

        return trimmed is null
            ? throw new RuleViolationException("certificate_number_required", "certificateNumber", level)
            : new Certificate(level, trimmed);
    }
}

/// <summary>Continuing-education hours (继续教育学时) a worker completed in one calendar year.</summary>
public sealed record TrainingRecord(int Year, int Hours);

/// <summary>
/// A person on an agency's staff roster. The national ID number is kept only as its keyed hash and last
/// four characters (<see cref="IdNumberProtector"/>); the hash is how one person is recognised across rosters.
/// </summary>
public sealed class SocialWorker
{
    /// <summary>The continuing-education target: at least this many hours over three consecutive years.</summary>
    public const int ThreeYearTrainingTargetHours = 120;

    /// <summary>Not a policy but the hours a (leap) year has: anything above is a typing error.</summary>
    public const int MaxTrainingHoursPerYear = 366 * 24;

    private List<TrainingRecord> _training = [];

    private SocialWorker()
    {
    }

    public Guid Id { get; private set; }

    public Guid AgencyId { get; private set; }

    public string DisplayName { get; private set; } = "";

    public string IdLookupHash { get; private set; } = "";

    public string IdNumberLastFour { get; private set; } = "";

    public CertificateLevel CertificateLevel { get; private set; }

    public string? CertificateNumber { get; private set; }

    /// <summary>督导: may supervise other workers in a staffing plan.</summary>
    public bool IsSupervisor { get; private set; }

    /// <summary>One record per year, oldest first.</summary>
    public IReadOnlyList<TrainingRecord> Training => _training;

    /// <summary>Deactivated workers stay for the record (and for the double-counting check) but cannot be planned.</summary>
    public bool Active { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static SocialWorker Enrol(
        Guid agencyId, string displayName, ProtectedIdNumber idNumber, Certificate certificate, bool isSupervisor,
        IEnumerable<TrainingRecord> training, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var worker = new SocialWorker
        {
            Id = Guid.CreateVersion7(),
            AgencyId = agencyId,
            IdLookupHash = idNumber.LookupHash,
            IdNumberLastFour = idNumber.LastFour,
            Active = true,
            AddedAt = now,
        };
        worker.Update(displayName, certificate, isSupervisor, training, today, now);
        return worker;
    }

    public void Update(string displayName, Certificate certificate, bool isSupervisor, IEnumerable<TrainingRecord> training, DateOnly today, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(certificate);
        var records = ValidTraining(training, today);
        DisplayName = displayName.Trim();
        CertificateLevel = certificate.Level;
        CertificateNumber = certificate.Number;
        IsSupervisor = isSupervisor;
        _training = records;
        Touch(now);
    }

    public void Deactivate(DateTimeOffset now)
    {
        if (Active)
        {
            Active = false;
            Touch(now);
        }
    }

    public void Reactivate(DateTimeOffset now)
    {
        if (!Active)
        {
            Active = true;
            Touch(now);
        }
    }

    public int TrainingHoursIn(int year) => _training.Where(t => t.Year == year).Sum(t => t.Hours);

    /// <summary>Hours over the three years that end with <paramref name="year"/> (e.g. 2024–2026 for 2026).</summary>
    public int TrainingHoursOverThreeYearsTo(int year) => _training.Where(t => t.Year > year - 3 && t.Year <= year).Sum(t => t.Hours);

    public bool MeetsTrainingTarget(int year) => TrainingHoursOverThreeYearsTo(year) >= ThreeYearTrainingTargetHours;

    public void EnsureVersion(int? expected)
    {
        if (expected is { } version && version != Version)
        {
            throw new ConflictException("concurrency");
        }
    }

    private static List<TrainingRecord> ValidTraining(IEnumerable<TrainingRecord> training, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(training);
        var records = training.OrderBy(t => t.Year).ToList();
        foreach (var record in records)
        {
            if (record.Hours is < 0 or > MaxTrainingHoursPerYear)
            {
                throw new RuleViolationException("training_hours_out_of_range", "trainingHours", record.Year, record.Hours, MaxTrainingHoursPerYear);
            }

            if (record.Year > today.Year)
            {
                throw new RuleViolationException("training_year_in_future", "trainingHours", record.Year);
            }
        }

        var repeated = records.GroupBy(t => t.Year).FirstOrDefault(g => g.Count() > 1);
        return repeated is null
            ? records
            : throw new RuleViolationException("training_year_repeated", "trainingHours", repeated.Key);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
