namespace Procurement.Testing;

/// <summary>Waiting for what a host does in the background (an outbox dispatched, a consumer committed, a clock run).</summary>
public static class Poll
{
    /// <summary>Asks <paramref name="condition"/> again until it holds; fails naming <paramref name="what"/> once <paramref name="patience"/> is spent.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan patience, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var until = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {what} within {patience.TotalSeconds:0.#} s, but it did not happen.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>
    /// Asks <paramref name="ask"/> again until <paramref name="done"/> holds of its answer, for at most <paramref name="patience"/>
    /// (20 s); the last answer either way, for the test to check.
    /// </summary>
    public static async Task<T> ForAsync<T>(Func<Task<T>> ask, Func<T, bool> done, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(20));
        var answer = await ask();
        while (!done(answer) && DateTime.UtcNow <= until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            answer = await ask();
        }

        return answer;
    }
}
