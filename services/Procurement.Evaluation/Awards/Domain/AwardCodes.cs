namespace Procurement.Evaluation.Awards.Domain;

/// <summary>The problem codes of awards, challenges and the calendar (texts in <see cref="AwardTexts"/>).</summary>
public static class AwardCodes
{
    // Calendar.
    public const string CalendarYearNotConfigured = "calendar_year_not_configured";
    public const string CalendarMakeUpDayNotWeekend = "calendar_make_up_day_not_weekend";
    public const string CalendarYearOutOfRange = "calendar_year_out_of_range";
    public const string WorkingDaysOutOfRange = "working_days_out_of_range";

    // Award.
    public const string AwardNotRecommended = "award_not_recommended";
    public const string AwardCancelled = "award_cancelled";
    public const string AwardBidNotRanked = "award_bid_not_ranked";
    public const string AwardReasonRequired = "award_reason_required";
    public const string AwardTenderTermsUnknown = "award_tender_terms_unknown";

    // Challenges.
    public const string ChallengeBeforePublication = "challenge_before_publication";
    public const string ChallengeWindowClosed = "challenge_window_closed";
    public const string ChallengeNotABidder = "challenge_not_a_bidder";
    public const string ChallengeAlreadyAnswered = "challenge_already_answered";
}
