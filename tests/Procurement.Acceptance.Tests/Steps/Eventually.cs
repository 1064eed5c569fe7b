namespace Procurement.Acceptance.Tests.Steps;

/// <summary>Asking the platform again until what its background work does shows (events delivered, clocks run).</summary>
internal static class Eventually
{
    /// <summary>How long a step waits for an event to arrive or a clock of the platform to act.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Asks until <paramref name="done"/> holds or <see cref="Patience"/> runs out; answers the last answer either way, for the step to assert on.</summary>
    public static async Task<T> AskAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(ask);
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > until)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
