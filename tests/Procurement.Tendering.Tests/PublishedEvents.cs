using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.Tendering.Data;

namespace Procurement.Tendering.Tests;

internal static class PublishedEvents
{
    /// <summary>
    /// What the host has published of <typeparamref name="T"/>, once its outbox has sent every event committed so far.
    /// Waiting on the outbox rather than on <c>Published.Any</c>: the harness's inactivity token is cancelled for good
    /// the first time the bus is quiet for its timeout, after which <c>Any</c> no longer waits for a late publication.
    /// </summary>
    public static async Task<T[]> PublishedAsync<T>(this IServiceProvider services)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                if (!await scope.ServiceProvider.GetRequiredService<TenderingDb>().OutboxMessages.AnyAsync(m => m.DispatchedAt == null))
                {
                    return [.. services.GetRequiredService<ITestHarness>().Published.Select<T>().Select(m => m.Context.Message)];
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox did not publish its events within 20 seconds.");
            }

            await Task.Delay(20);
        }
    }
}
