using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Security;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>
/// A message a consumer still fails on after every retry is kept in that service's database, counted in readiness,
/// listed for an admin and replayed to the consumer; the dead letter goes when the consumer commits.
/// </summary>
public sealed class Dead_letters : IAsyncLifetime
{
    private static readonly Guid Operations = Guid.Parse("de000006-0000-4000-8000-000000000001");

    private RunningHost _host = null!;
    private InspectorSwitch _inspector = null!;

    public async Task InitializeAsync()
    {
        _host = await WidgetModule.StartAsync(WidgetModule.TempFolder());
        _inspector = _host.Services.GetRequiredService<InspectorSwitch>();
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_message_that_fails_every_retry_is_kept_with_its_payload_error_and_consumer_queue()
    {
        _inspector.Broken = true;
        var id = await _host.ChangeWidgetAsync("broken");

        var letter = await DeadLetterAsync(id);

        _inspector.Calls.Should().Be(Delivery.RetryLimit + 1, "the first attempt and every retry ran before it was kept");
        letter.MessageType.Should().Be(OutboxMessage.TypeName(typeof(WidgetChanged)));
        letter.Consumer.Should().Be(typeof(WidgetInspector).FullName);
        letter.Endpoint.Should().Contain("widget-inspector");
        letter.Error.Should().Contain("The inspector is broken");
        letter.Failures.Should().Be(1);
        JsonSerializer.Deserialize<WidgetChanged>(letter.Payload, JsonSerializerOptions.Web)!.Name.Should().Be("broken");
        (await _host.InDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == letter.Consumer)))
            .Should().BeFalse("a dead letter is not an effect: a replay must run the consumer again");
        (await _host.InDbAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == typeof(WidgetChangedConsumer).FullName)))
            .Should().BeTrue("the other consumer of the same message is not held back");
    }

    [Fact]
    public async Task Readiness_is_degraded_with_the_count_per_service_while_a_dead_letter_exists_and_healthy_without()
    {
        var before = await ReadinessAsync();
        before.GetProperty("status").GetString().Should().Be("Healthy");
        before.GetProperty("checks").GetProperty("dead-letters").GetProperty("description").GetString().Should().Be("dead letters: widget 0");

        _inspector.Broken = true;
        await DeadLetterAsync(await _host.ChangeWidgetAsync("counted"));

        var after = await ReadinessAsync();
        after.GetProperty("status").GetString().Should().Be("Degraded");
        after.GetProperty("checks").GetProperty("dead-letters").GetProperty("description").GetString().Should().StartWith("dead letters: widget 1");
    }

    [Fact]
    public async Task An_admin_lists_the_dead_letters_and_a_replay_runs_the_consumer_again_and_removes_the_letter_with_the_effect()
    {
        _inspector.Broken = true;
        var id = await _host.ChangeWidgetAsync("replayed");
        var letter = await DeadLetterAsync(id);
        using var admin = Client(Roles.Admin);

        var listed = await admin.GetFromJsonAsync<DeadLetterView[]>(new Uri("/api/operations/dead-letters", UriKind.Relative), JsonSerializerOptions.Web);
        listed!.Should().ContainSingle(v => v.Id == letter.Id && v.Service == "widget" && v.MessageId == id && v.Error.Contains("broken"));

        _inspector.Broken = false;
        using var replay = await admin.PostAsync(new Uri($"/api/operations/dead-letters/{letter.Id}/replay", UriKind.Relative), content: null);

        replay.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await replay.Content.ReadFromJsonAsync<DeadLetterView>(JsonSerializerOptions.Web))!.Replays.Should().Be(1);
        await _host.EventuallyAsync(db => db.InboxMessages.AnyAsync(m => m.MessageId == id && m.Consumer == letter.Consumer), "the replay is consumed");
        (await _host.InDbAsync(db => db.DeadLetters.AnyAsync())).Should().BeFalse();
        _inspector.Calls.Should().Be(Delivery.RetryLimit + 2);
    }

    [Fact]
    public async Task A_replay_that_fails_again_updates_the_same_dead_letter()
    {
        _inspector.Broken = true;
        var id = await _host.ChangeWidgetAsync("still broken");
        var letter = await DeadLetterAsync(id);
        using var admin = Client(Roles.Admin);

        using var replay = await admin.PostAsync(new Uri($"/api/operations/dead-letters/{letter.Id}/replay", UriKind.Relative), content: null);
        replay.StatusCode.Should().Be(HttpStatusCode.Accepted);

        await _host.EventuallyAsync(db => db.DeadLetters.AnyAsync(d => d.Id == letter.Id && d.Failures == 2), "the replay fails again and is counted");
        (await _host.InDbAsync(db => db.DeadLetters.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task Another_copy_of_a_dead_lettered_message_is_ignored_until_an_operator_replays_it()
    {
        _inspector.Broken = true;
        var id = await _host.ChangeWidgetAsync("copied");
        var letter = await DeadLetterAsync(id);
        var calls = _inspector.Calls;
        _inspector.Broken = false;

        await _host.Services.GetRequiredService<IBus>().Publish(new WidgetChanged(Guid.NewGuid(), "copied"), context => context.MessageId = id);
        await Task.Delay(TimeSpan.FromSeconds(1));

        _inspector.Calls.Should().Be(calls);
        (await _host.InDbAsync(db => db.DeadLetters.SingleAsync())).Id.Should().Be(letter.Id);
    }

    [Theory]
    [InlineData(Roles.Purchaser)]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Agency)]
    public async Task Only_an_admin_may_list_or_replay_dead_letters(string role)
    {
        using var client = Client(role);

        (await client.GetAsync(new Uri("/api/operations/dead-letters", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.PostAsync(new Uri($"/api/operations/dead-letters/{Guid.NewGuid()}/replay", UriKind.Relative), null))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var anonymous = _host.CreateClient();
        (await anonymous.GetAsync(new Uri("/api/operations/dead-letters", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Replaying_an_unknown_dead_letter_is_a_not_found_problem_in_the_callers_language()
    {
        using var admin = Client(Roles.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await admin.PostAsync(new Uri($"/api/operations/dead-letters/{Guid.NewGuid()}/replay", UriKind.Relative), content: null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("死信");
    }

    private HttpClient Client(string role) => _host.CreateClient().WithToken(TestTokens.For(_host.Services, role, Operations));

    private async Task<DeadLetter> DeadLetterAsync(Guid messageId)
    {
        await _host.EventuallyAsync(db => db.DeadLetters.AnyAsync(d => d.MessageId == messageId), "the message is dead-lettered");
        return await _host.InDbAsync(db => db.DeadLetters.SingleAsync(d => d.MessageId == messageId));
    }

    private async Task<JsonElement> ReadinessAsync()
    {
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
