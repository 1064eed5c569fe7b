using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Identity.Data;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;
using Procurement.Testing.Platform;

namespace Procurement.Integration.Tests;

/// <summary>An event only a test raises in Identity's database.</summary>
public sealed record IdentityProbed(Guid ProbeId);

public sealed class ProbeRecord
{
    public Guid Id { get; set; }
}

/// <summary>A stand-in for another module's database (Bidding learning of an agency, Evaluation of an expert).</summary>
public sealed class ProbeDb(DbContextOptions<ProbeDb> options) : ServiceDbContext(options)
{
    public DbSet<ProbeRecord> Records => Set<ProbeRecord>();
}

public sealed class ProbeConsumer(ProbeDb db, TimeProvider clock, ILogger<ProbeConsumer> logger)
    : IdempotentConsumer<ProbeDb, IdentityProbed>(db, clock, logger)
{
    protected override Task HandleAsync(IdentityProbed message, ConsumeContext<IdentityProbed> context)
    {
        Db.Records.Add(new ProbeRecord { Id = message.ProbeId });
        return Task.CompletedTask;
    }
}

/// <summary>A consumer in Identity's own database: its inbox records what it handled, as any service's does.</summary>
public sealed class IdentityInboxProbe(IdentityDb db, TimeProvider clock, ILogger<IdentityInboxProbe> logger)
    : IdempotentConsumer<IdentityDb, IdentityProbed>(db, clock, logger)
{
    protected override Task HandleAsync(IdentityProbed message, ConsumeContext<IdentityProbed> context) => Task.CompletedTask;
}

/// <summary>
/// Issue 14's groundwork: Identity's database is not a ServiceDbContext (it derives from IdentityDbContext) but has the
/// outbox, inbox and dead letters by composition, so an event raised in its SaveChanges leaves through its outbox and
/// reaches consumers in the Standalone composition on the in-memory bus.
/// </summary>
public sealed class Identity_raises_events_through_its_outbox : IAsyncLifetime
{
    private EmbeddedPlatform _platform = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        _platform = await EmbeddedPlatform.StartAsync(new()
        {
            ["Mail:From"] = "采购平台 <noreply@district.example>",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseTls"] = "None",
        }, Compose);
    }

    private static void Compose(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProbeDb>("Probe");
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<ProbeConsumer>();
            bus.AddConsumer<IdentityInboxProbe>();
        });
    }

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_mail_enqueued_in_identitys_save_arrives_at_the_configured_SMTP_server()
    {
        OutgoingMail row;
        await using (var scope = _platform.Host.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            row = identity.EnqueueMail(new MailToSend("new.purchaser@district.example", "邀请", "https://portal.example/invitations/1",
                System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
            await identity.SaveChangesAsync();
        }

        var mail = await _smtp.WaitForMailToAsync("new.purchaser@district.example", TimeSpan.FromSeconds(30));
        mail.MessageId.Should().Be(row.MessageId);
        TestSmtpServer.LinksIn(mail).Should().Equal(new Uri("https://portal.example/invitations/1"));
        await Poll.UntilAsync(() => InIdentityAsync(db => ((IMailOutbox)db).OutgoingMails.AnyAsync(m => m.Id == row.Id && m.SentAt != null)),
            "the mail marked sent in Identity's database", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_event_raised_in_identitys_save_is_in_its_outbox_and_reaches_a_consumer_of_another_module_and_its_own()
    {
        var probe = Guid.NewGuid();
        await using (var scope = _platform.Host.Services.CreateAsyncScope())
        {
            var identity = scope.ServiceProvider.GetRequiredService<IdentityDb>();
            identity.Raise(new IdentityProbed(probe));
            await identity.SaveChangesAsync();
        }

        var row = await InIdentityAsync(db => ((IOutboxContext)db).OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload.Contains(probe.ToString())));
        row.MessageType.Should().Be(OutboxMessage.TypeName(typeof(IdentityProbed)));

        await Poll.UntilAsync(() => InProbeAsync(db => db.Records.AnyAsync(r => r.Id == probe)), "the other module's consumer to commit", TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(() => InIdentityAsync(db => ((IOutboxContext)db).InboxMessages.AnyAsync(
            i => i.MessageId == row.Id && i.Consumer == typeof(IdentityInboxProbe).FullName)), "Identity's own consumer to record it in its inbox", TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(() => InIdentityAsync(db => ((IOutboxContext)db).OutboxMessages.AnyAsync(m => m.Id == row.Id && m.DispatchedAt != null)),
            "the outbox row confirmed once both consumers committed", TimeSpan.FromSeconds(30));
    }

    private async Task<T> InIdentityAsync<T>(Func<IdentityDb, Task<T>> read)
    {
        await using var scope = _platform.Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IdentityDb>());
    }

    private async Task<T> InProbeAsync<T>(Func<ProbeDb, Task<T>> read)
    {
        await using var scope = _platform.Host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ProbeDb>());
    }
}
