using MassTransit;

namespace Procurement.Testing;

/// <summary>
/// Counts every delivery a consumer finished, faulted or not, including repeats of one message id — except a service's
/// daily close of its audit chain (<see cref="Contracts.Audit.AuditChainDayClosed"/>), which the host raises at start-up
/// and every midnight at a moment of its clock loop's choosing, not the test's; and the open data's collector (Tendering's
/// <c>OpenData</c> consumers, on endpoints named <c>…open-data…</c>), which takes a copy of many events beside the
/// consumer a test waits for, so that one event is one delivery here whichever hosts run. Tests of the open data wait
/// for its releases instead.
/// </summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private int _completed;

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>
    /// How long <see cref="WaitForAsync"/> waits: it returns as soon as the deliveries are in, so the bound only matters on a
    /// machine so loaded that a host's first message (migrations, JIT) takes longer than 20 s, as the whole suite's parallel
    /// run on two cores does.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Waits until at least <paramref name="count"/> deliveries have finished, for <see cref="Patience"/> at most.</summary>
    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Completed < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Completed} of {count} deliveries were consumed within {Patience.TotalSeconds} seconds.");
            }

            await Task.Delay(20);
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Count(context);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Count(context);
        return Task.CompletedTask;
    }

    private void Count<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is not Contracts.Audit.AuditChainDayClosed && !IsOpenData(context.ReceiveContext.InputAddress))
        {
            Interlocked.Increment(ref _completed);
        }
    }

    private static bool IsOpenData(Uri? endpoint) => endpoint?.AbsolutePath.Contains("open-data", StringComparison.Ordinal) == true;
}
