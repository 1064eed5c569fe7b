using MassTransit;

namespace Procurement.Testing;

/// <summary>Counts every delivery a consumer finished, faulted or not, including repeats of one message id.</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private int _completed;

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Waits until at least <paramref name="count"/> deliveries have finished, for 20 seconds at most.</summary>
    public async Task WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Completed < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Completed} of {count} deliveries were consumed within 20 seconds.");
            }

            await Task.Delay(20);
        }
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        Interlocked.Increment(ref _completed);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        Interlocked.Increment(ref _completed);
        return Task.CompletedTask;
    }
}
