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
}
