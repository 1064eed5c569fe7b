using System.Globalization;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Time;

namespace Procurement.Tendering.Domain.Rules;

/// <summary>
/// One post of a pay scale and its grades' monthly pay in CNY, lowest grade first. The four posts of 四岗十二档 are the
/// four certificate levels a tender's pay floors and a bid's staffing plan already use: 社工助理 (no certificate),
/// 助理社会工作师, 社会工作师, 高级社会工作师.
/// </summary>
public sealed record PayScalePost(CertificateLevel Post, IReadOnlyList<decimal> Grades);

/// <summary>The pay of every post and grade as the administrator keeps it (DOMAIN.md §12).</summary>
public sealed record PayScaleContent(IReadOnlyList<PayScalePost> Posts)
{
    /// <summary>Grades per post: 四岗十二档 is four posts of three grades.</summary>
    public const int GradesPerPost = 3;

    /// <summary>The highest monthly pay the scale takes, in CNY: a typing slip of a digit too many is caught.</summary>
    public const decimal HighestMonthlyPay = 200_000.00m;

    /// <summary>
    /// The refusals of these numbers, each naming its field under <c>posts[i]</c>: every post exactly once, three grades each,
    /// each above zero, at most <see cref="HighestMonthlyPay"/>, in whole fen, and each grade above the one below it.
    /// </summary>
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        var seen = new HashSet<CertificateLevel>();
        for (var i = 0; i < Posts.Count; i++)
        {
            var post = Posts[i];
            var field = $"posts[{i}]";
            if (post is null)
            {
                errors.Add(field, "required");
                continue;
            }

            if (!Enum.IsDefined(post.Post) || !seen.Add(post.Post))
            {
                errors.Add($"{field}.post", RuleCodes.PayScalePostTwice, post.Post);
            }

            var grades = post.Grades ?? [];
            if (grades.Count != GradesPerPost)
            {
                errors.Add($"{field}.grades", RuleCodes.PayScaleGradeCount, GradesPerPost, grades.Count);
                continue;
            }

            for (var g = 0; g < grades.Count; g++)
            {
                var pay = grades[g];
                var gradeField = $"{field}.grades[{g}]";
                if (pay <= 0m || pay > HighestMonthlyPay || decimal.Round(pay, 2) != pay)
                {
                    errors.Add(gradeField, RuleCodes.PayScalePayInvalid, pay, HighestMonthlyPay);
                }
                else if (g > 0 && pay <= grades[g - 1])
                {
                    errors.Add(gradeField, RuleCodes.PayScaleGradesNotRising, pay, grades[g - 1]);
                }
            }
        }

        foreach (var missing in Enum.GetValues<CertificateLevel>().Where(level => !seen.Contains(level)))
        {
            errors.Add("posts", RuleCodes.PayScalePostMissing, missing);
        }

        return errors;
    }

    /// <summary>The monthly pay of a post's lowest grade: the least a tender under this scale lets a bid pay that post.</summary>
    public decimal LowestPayOf(CertificateLevel post) => Posts.Single(p => p.Post == post).Grades[0];
}

/// <summary>
/// A region's (or, with an empty region, every region's) pay scale for one year (DOMAIN.md §12, 薪酬指导): monthly pay per
/// post and grade. Scales are never changed or deleted: a correction is a new scale for the same region and year, and of
/// several the last recorded holds, so the list is the history of who set which pay when and why. A tender whose service
/// starts in that year, in that region, takes its pay floors from it (<see cref="FloorsFor"/>).
/// </summary>
public sealed class PayScale
{
    public const int RegionMaxLength = MethodRuleTable.RegionMaxLength;

    public const int NoteMaxLength = MethodRuleTable.NoteMaxLength;

    /// <summary>How many years ahead a scale may be set.</summary>
    public const int YearsAhead = 5;

    private PayScale()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The region (a program's region, as typed there); empty: every region without its own scale.</summary>
    public string Region { get; private set; } = "";

    /// <summary>The calendar year whose services the scale pays (a tender's service start year).</summary>
    public int Year { get; private set; }

    public PayScaleContent Content { get; private set; } = null!;

    /// <summary>The notice or decision the scale follows, as the administrator wrote it.</summary>
    public string? Note { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The floor of each post under this scale: its lowest grade's pay, in the order of the certificate levels.</summary>
    public IReadOnlyList<PayFloor> Floors =>
        [.. Enum.GetValues<CertificateLevel>().Select(level => new PayFloor(level, Content.LowestPayOf(level)))];

    /// <summary>
    /// A new scale for <paramref name="year"/>: this year (Beijing) or up to <see cref="YearsAhead"/> years on. A year already
    /// past is not set again: the tenders of its services were published under the pay they keep.
    /// </summary>
    public static PayScale Record(string? region, int year, PayScaleContent content, string? note, Guid recordedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(content);
        var errors = content.Check();
        var thisYear = now.ShanghaiDate().Year;
        if (year < thisYear || year > thisYear + YearsAhead)
        {
            errors.Add("year", RuleCodes.OutOfRange, year, thisYear, thisYear + YearsAhead);
        }

        var (trimmed, text) = MethodRuleTable.RegionAndNote(errors, region, note);
        errors.ThrowIfAnyRuleBroken();
        return new PayScale
        {
            Id = Guid.CreateVersion7(),
            Region = trimmed,
            Year = year,
            Content = content,
            Note = text,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
    }

    /// <summary>
    /// A tender's personnel rule under this scale: each post's floor is at least the lowest grade's pay; a floor the purchaser
    /// set higher stays (a tender may ask more), a post without one gets the scale's. A floor set lower is refused, naming its
    /// field (<c>personnelCost.payFloors[i].monthlyPay</c>) and the scale's pay. No rule: none (the scale sets no share).
    /// </summary>
    public PersonnelCostRule? FloorsFor(PersonnelCostRule? rule)
    {
        if (rule is null)
        {
            return null;
        }

        for (var i = 0; i < rule.PayFloors.Count; i++)
        {
            var floor = rule.PayFloors[i];
            var lowest = Content.LowestPayOf(floor.Level);
            if (floor.MonthlyPay < lowest)
            {
                throw new RuleViolationException(
                    RuleCodes.PayFloorBelowScale, $"personnelCost.payFloors[{i}].monthlyPay", floor.Level, floor.MonthlyPay, lowest,
                    Year.ToString(CultureInfo.InvariantCulture), Region);
            }
        }

        var floors = Floors.Select(lowest => rule.PayFloors.FirstOrDefault(f => f.Level == lowest.Level) ?? lowest);
        return PersonnelCostRule.Create(rule.MinimumPersonnelShare, floors);
    }
}
