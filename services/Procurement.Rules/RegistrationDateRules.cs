namespace Procurement.Rules;

/// <summary>
/// An organisation's registration date (登记日期, on its certificate of registration) cannot be after today, today being the
/// Beijing calendar day (<see cref="ShanghaiDays"/>): registered on the day it is entered is allowed, the next day is not.
/// Bidding (an agency's profile) and Identity (an agency's self-registration) both refuse with <see cref="InFuture"/>, a
/// business rule (422 on the wire), with the field and today as the values of its text.
/// </summary>
public static class RegistrationDateRules
{
    public const string InFuture = "registration_date_in_future";

    public const string Field = "registrationDate";

    /// <summary>The finding when <paramref name="registered"/> is after the Beijing calendar day of <paramref name="now"/>, or null.</summary>
    public static Finding? Check(DateOnly registered, DateTimeOffset now) => Check(registered, ShanghaiDays.Date(now));

    /// <summary>The finding when <paramref name="registered"/> is after <paramref name="beijingToday"/>, or null.</summary>
    public static Finding? Check(DateOnly registered, DateOnly beijingToday) =>
        registered > beijingToday ? new Finding(InFuture, Field) : null;
}
