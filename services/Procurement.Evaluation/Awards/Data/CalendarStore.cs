using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Awards.Domain;
using Procurement.Evaluation.Data;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Evaluation.Awards.Data;

internal static class CalendarStore
{
    /// <summary>The working-day calendar as the database keeps it now (a few dozen rows).</summary>
    public static async Task<WorkingDayCalendar> LoadCalendarAsync(this EvaluationDb db, CancellationToken cancellationToken)
    {
        var years = await db.Set<CalendarYear>().AsNoTracking().ToListAsync(cancellationToken);
        var days = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(cancellationToken);
        return WorkingDayCalendar.From(years, days);
    }

    /// <summary>Seeds <see cref="ChineseHolidays"/> into an empty calendar; a calendar with any year configured is left as admins made it.</summary>
    public static async Task<bool> SeedCalendarAsync(this EvaluationDb db, CancellationToken cancellationToken)
    {
        if (await db.Set<CalendarYear>().AnyAsync(cancellationToken))
        {
            return false;
        }

        db.Set<CalendarYear>().AddRange(ChineseHolidays.Years.Select(y => new CalendarYear(y.Year, y.Provisional, y.Note)));
        db.Set<CalendarDay>().AddRange(ChineseHolidays.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (SaveOrConflict.IsDuplicateKey(exception))
        {
            if (!await AnotherReplicaSeededAsync(db, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    private static async Task<bool> AnotherReplicaSeededAsync(EvaluationDb db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Set<CalendarYear>().AnyAsync(cancellationToken);
    }
}
