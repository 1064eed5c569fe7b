using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Procurement.Evaluation.Data;
using Procurement.Testing;

namespace Procurement.Evaluation.Tests.Hosting;

/// <summary>
/// What every Evaluation test host shares: the running host on a fake clock with the MassTransit test harness, clients with
/// tokens from <see cref="TestTokens"/> (a chosen user id where the test needs one: panel members are users), and publishing
/// an event and waiting until a named consumer has taken it.
/// </summary>
internal abstract class EvaluationTestHost(RunningHost host, FakeTimeProvider clock) : IAsyncDisposable
{
    public RunningHost Host { get; } = host;

    public FakeTimeProvider Clock { get; } = clock;

    public ITestHarness Harness => Host.Services.GetRequiredService<ITestHarness>();

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>A client for <paramref name="role"/> in <paramref name="organisation"/>, as <paramref name="userId"/> (or a new user).</summary>
    public HttpClient ClientAs(string role, Guid organisation, string? userId, string? language)
    {
        var client = Host.CreateClient().WithToken(TestTokens.For(Host.Services, role, organisation, userId: userId));
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Publishes into the host's bus and waits (20 s at most) until the named consumer has taken it, with no fault.</summary>
    public async Task PublishAsync<TConsumer, TMessage>(TMessage message)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        // The idempotent inbox records the message id with the consumer in the same transaction as its effect.
        var consumer = typeof(TConsumer).FullName!;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EvaluationDb>();
                if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer))
                {
                    return;
                }
            }

            var faults = Harness.Published.Select<Fault<TMessage>>().Where(f => f.Context.Message.FaultedMessageId == messageId)
                .SelectMany(f => f.Context.Message.Exceptions).Select(e => e.Message).ToList();
            faults.Should().BeEmpty($"{typeof(TConsumer).Name} should take the {typeof(TMessage).Name}");
            DateTime.UtcNow.Should().BeBefore(until, $"{typeof(TConsumer).Name} should take the {typeof(TMessage).Name} within 20 s");
            await Task.Delay(20);
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
