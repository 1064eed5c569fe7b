using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Procurement.ServiceDefaults.Hosting;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Mail_without_a_server
{
    private static readonly ServiceModule Mailing = new("Mailing", builder =>
    {
        builder.AddServiceDatabase<MailingDb>("Mailing");
        builder.AddMailOutbox<MailingDb>();
    }, _ => { });

    [Fact]
    public async Task Outside_Development_mails_wait_in_the_outbox_and_readiness_says_which_setting_is_missing()
    {
        await using var fixture = new MailFixture(serverConfigured: false);
        await fixture.StartAsync();
        var health = fixture.Services.GetRequiredService<MailHealthCheck>();
        (await health.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy, "nothing waits yet");

        var row = await fixture.InviteAsync("waiting@district.example");
        await Task.Delay(TimeSpan.FromSeconds(1)); // several poll intervals

        var stored = await fixture.MailRowAsync(row.Id);
        stored!.SentAt.Should().BeNull();
        stored.Attempts.Should().Be(0);
        var result = await health.CheckHealthAsync(new HealthCheckContext());
        result.Status.Should().Be(HealthStatus.Degraded);
        result.Description.Should().Contain("NotConfigured").And.Contain("1 waiting").And.Contain("Mail:Smtp:Host");
    }

    [Fact]
    public async Task In_Development_without_a_server_each_mail_goes_to_the_log_and_counts_as_sent()
    {
        await using var host = await TestHosts.StartAsync(new TestSettings { DataDirectory = WidgetModule.TempFolder() }, "mailing", Mailing);
        host.Services.GetRequiredService<IMailSender>().Should().BeOfType<LogOnlyMailSender>();

        Guid id;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MailingDb>();
            id = db.EnqueueMail(new MailToSend("dev@district.example", "Invitation", "https://localhost/invitations/1",
                System.Globalization.CultureInfo.GetCultureInfo("en"))).Id;
            await db.SaveChangesAsync();
        }

        await Poll.UntilAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            var mail = await scope.ServiceProvider.GetRequiredService<MailingDb>().OutgoingMails.FindAsync(id);
            return mail?.SentAt is not null;
        }, "the mail written to the log and marked sent", TimeSpan.FromSeconds(20));
        var ready = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == MailExtensions.HealthCheckName);
        ready.Status.Should().Be(HealthStatus.Healthy);
        ready.Entries[MailExtensions.HealthCheckName].Description.Should().Contain("LogOnly").And.Contain("mailing 0 refused, 0 waiting");
    }

    [Fact]
    public async Task A_sender_that_is_not_one_address_stops_the_host_at_start()
    {
        var settings = new TestSettings { DataDirectory = WidgetModule.TempFolder(), Values = { ["Mail:From"] = "not an address" } };

        var start = () => TestHosts.StartAsync(settings, "mailing", Mailing);

        (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Mail:From");
    }
}
