namespace Procurement.Simulation;

/// <summary>
/// Which programs of a policy's run are stepped on a day: those whose <see cref="ProgramRun.NextDay"/> it is, and those
/// waiting for their renewal point whose <see cref="ProgramRun.RenewalKey"/> the day reaches with the lead time learnt so
/// far. The renewal point moves with the history, which grows at the end of a day with its signings, so it is kept as a
/// key in a queue and compared with each day's lead time rather than fixed as a day. A program is stepped at most once a
/// day; the rest of the time it is not looked at.
/// </summary>
public sealed class ProgramAgenda
{
    private const int Never = int.MinValue;

    private readonly int _first;
    private readonly List<int>?[] _days;
    private readonly int[] _scheduledOn;
    private readonly int[] _collectedOn;
    private readonly int?[] _renewalKeys;
    private readonly PriorityQueue<int, int> _renewals = new();
    private readonly List<int> _due = [];

    public ProgramAgenda(int programs, DateOnly first, DateOnly last)
    {
        _first = first.DayNumber;
        _days = new List<int>?[Math.Max(0, last.DayNumber - _first + 1)];
        _scheduledOn = new int[programs];
        _collectedOn = new int[programs];
        _renewalKeys = new int?[programs];
        Array.Fill(_scheduledOn, Never);
        Array.Fill(_collectedOn, Never);
    }

    /// <summary>Steps <paramref name="program"/> on <paramref name="day"/> instead of the day it was scheduled for; null: on no day.</summary>
    public void Schedule(int program, DateOnly? day)
    {
        if (day is not { } on || on.DayNumber < _first || on.DayNumber - _first >= _days.Length)
        {
            _scheduledOn[program] = Never;
            return;
        }

        if (_scheduledOn[program] == on.DayNumber)
        {
            return;
        }

        (_days[on.DayNumber - _first] ??= []).Add(program);
        _scheduledOn[program] = on.DayNumber;
    }

    /// <summary><paramref name="program"/> waits for its renewal point with <paramref name="key"/>; null: it does not wait.</summary>
    public void AwaitRenewal(int program, int? key)
    {
        if (_renewalKeys[program] == key)
        {
            return;
        }

        _renewalKeys[program] = key;
        if (key is { } k)
        {
            _renewals.Enqueue(program, k);
        }
    }

    /// <summary>The program has ended: it is stepped no more.</summary>
    public void Forget(int program)
    {
        _scheduledOn[program] = Never;
        _renewalKeys[program] = null;
    }

    /// <summary>
    /// The programs to step on <paramref name="day"/>: those scheduled for it, in the order they were scheduled, then those
    /// whose renewal key is at most the day's number plus <paramref name="learntLeadDays"/> (asked only when a program waits).
    /// A day is asked for once, in order.
    /// </summary>
    public IReadOnlyList<int> Due(DateOnly day, Func<int> learntLeadDays)
    {
        ArgumentNullException.ThrowIfNull(learntLeadDays);
        _due.Clear();
        var today = day.DayNumber;
        var slot = today - _first;
        if (slot >= 0 && slot < _days.Length && _days[slot] is { } scheduled)
        {
            foreach (var program in scheduled)
            {
                if (_scheduledOn[program] == today)
                {
                    Collect(program, today);
                }
            }

            _days[slot] = null;
        }

        if (_renewals.Count > 0)
        {
            var reach = today + learntLeadDays();
            while (_renewals.TryPeek(out var program, out var key) && key <= reach)
            {
                _renewals.Dequeue();

                // An entry whose key is no longer the program's is left over from an earlier wait.
                if (_renewalKeys[program] == key)
                {
                    _renewalKeys[program] = null;
                    Collect(program, today);
                }
            }
        }

        return _due;
    }

    private void Collect(int program, int today)
    {
        if (_collectedOn[program] != today)
        {
            _collectedOn[program] = today;
            _due.Add(program);
        }
    }
}
