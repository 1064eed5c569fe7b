using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Awards.Data;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Problems;
using Procurement.ServiceDefaults.Security;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.Evaluation.Awards.Endpoints;

public sealed record CalendarYearResponse(int Year, bool Provisional, string? Note);

public sealed record CalendarDayResponse(DateOnly Date, DayOfWeek DayOfWeek, CalendarDayKind Kind, string Name);

/// <summary>The configured years and their days; outside them only weekends are days off.</summary>
public sealed record CalendarResponse(IReadOnlyList<CalendarYearResponse> Years, IReadOnlyList<CalendarDayResponse> Days, string OutsideConfiguredYears);

/// <param name="WeekendsOnly">Part of the count lay outside the configured years, where only weekends were skipped.</param>
public sealed record WorkingDaysResponse(DateOnly From, int WorkingDays, DateOnly Date, bool WeekendsOnly, string? Note);

public sealed record CalendarYearRequest(bool? Provisional, string? Note);

public sealed record CalendarDayRequest(string? Kind, string? Name);

/// <summary>
/// The working-day calendar (weekends, public holidays and make-up working days) as data: anyone signed in
/// reads it, admins change it. A change applies to windows opened afterwards; a published award keeps the
/// window it was given.
/// </summary>
public static class CalendarEndpoints
{
    /// <summary>The years the calendar may configure; outside them a count falls back to weekends only.</summary>
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxWorkingDays = 366;

    public const string WeekendsOnlyNote =
        "Outside the configured years only Saturdays and Sundays are days off: holidays and make-up days are not known there.";

    public static RouteGroupBuilder MapCalendarEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/evaluations/calendar").WithTags("Working-day calendar");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyUser)
            .WithName("GetWorkingDayCalendar").WithSummary("The configured years with their public holidays and make-up working days (调休); ?year= for one year.");
        group.MapGet("/working-days", Count).RequireAuthorization(Policies.AnyUser)
            .WithName("CountWorkingDays").WithSummary("The n-th working day after a date (the date itself not counted), saying when weekends alone were used.");
        group.MapPut("/years/{year:int}", PutYear).RequireAuthorization(Roles.Admin)
            .WithName("ConfigureCalendarYear").WithSummary("Configures a year (provisional or as published); its days are then added one by one.");
        group.MapPut("/days/{date}", PutDay).RequireAuthorization(Roles.Admin)
            .WithName("SetCalendarDay").WithSummary("Marks a day of a configured year as a public holiday or a make-up working day (Saturday or Sunday only).");
        group.MapDelete("/days/{date}", DeleteDay).RequireAuthorization(Roles.Admin)
            .WithName("RemoveCalendarDay").WithSummary("Removes a configured day: it is an ordinary weekday or weekend day again.");
        return group;
    }

    private static async Task<Ok<CalendarResponse>> Get(int? year, EvaluationDb db, CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().Where(y => year == null || y.Year == year).OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarResponse(
            [.. years.Select(y => new CalendarYearResponse(y.Year, y.Provisional, y.Note))],
            [.. days.Where(d => year == null || d.Date.Year == year).OrderBy(d => d.Date).Select(Show)],
            WeekendsOnlyNote));
    }

    private static async Task<Ok<WorkingDaysResponse>> Count(DateOnly? from, int? days, EvaluationDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Required("from", from);
        if (days is null)
        {
            errors.Add("days", "required");
        }
        else if (days is < 0 or > MaxWorkingDays)
        {
            errors.Add("days", AwardCodes.WorkingDaysOutOfRange, MaxWorkingDays);
        }

        errors.ThrowIfAny();
        var calendar = await db.LoadCalendarAsync(cancellationToken);
        var count = calendar.AddWorkingDays(from!.Value, days!.Value);
        return TypedResults.Ok(new WorkingDaysResponse(from.Value, days.Value, count.Date, count.WeekendsOnly, count.WeekendsOnly ? WeekendsOnlyNote : null));
    }

    private static async Task<Ok<CalendarYearResponse>> PutYear(int year, CalendarYearRequest request, EvaluationDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Provisional is null)
        {
            errors.Add("provisional", "required");
        }

        if (request.Note is { Length: > CalendarYear.MaxNoteLength })
        {
            errors.Add("note", "max_length", CalendarYear.MaxNoteLength);
        }

        errors.ThrowIfAny();
        EnsureYearInRange(year);
        var kept = await db.Set<CalendarYear>().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (kept is null)
        {
            kept = new CalendarYear(year, request.Provisional!.Value, request.Note);
            db.Set<CalendarYear>().Add(kept);
        }
        else
        {
            kept.Change(request.Provisional!.Value, request.Note);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new CalendarYearResponse(kept.Year, kept.Provisional, kept.Note));
    }

    private static async Task<Ok<CalendarDayResponse>> PutDay(DateOnly date, CalendarDayRequest request, EvaluationDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Required("name", request.Name, CalendarDay.MaxNameLength);
        CalendarDayKind kind = default;
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            errors.Add("kind", "required");
        }
        else if (!Enum.TryParse(request.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "calendar_day_kind");
        }

        errors.ThrowIfAny();
        if (!await db.Set<CalendarYear>().AnyAsync(y => y.Year == date.Year, cancellationToken))
        {
            throw new RuleViolationException(AwardCodes.CalendarYearNotConfigured, "date", date.Year);
        }

        if (kind == CalendarDayKind.MakeUpWorkday && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            throw new RuleViolationException(AwardCodes.CalendarMakeUpDayNotWeekend, "kind", date);
        }

        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
        {
            day = new CalendarDay(date, kind, request.Name!.Trim());
            db.Set<CalendarDay>().Add(day);
        }
        else
        {
            day.Change(kind, request.Name!.Trim());
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Show(day));
    }

    private static async Task<NoContent> DeleteDay(DateOnly date, EvaluationDb db, CancellationToken cancellationToken)
    {
        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, cancellationToken)
            ?? throw new NotFoundException(ProblemMessages.Get("calendar_day"), date);
        db.Set<CalendarDay>().Remove(day);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static void EnsureYearInRange(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new RuleViolationException(AwardCodes.CalendarYearOutOfRange, "year", year, FirstYear, LastYear);
        }
    }

    private static CalendarDayResponse Show(CalendarDay day) => new(day.Date, day.Date.DayOfWeek, day.Kind, day.Name);
}
