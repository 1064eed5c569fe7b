using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MimeKit;
using Procurement.ServiceDefaults.Mail;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

public sealed class Mail_outbox : IAsyncLifetime
{
    private readonly MailFixture _fixture = new();

    public Task InitializeAsync() => _fixture.StartAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync().AsTask();

    [Fact]
    public async Task A_committed_mail_arrives_at_the_SMTP_server_with_its_message_id_text_HTML_and_language()
    {
        var smtp = await _fixture.StartSmtpAsync();

        var row = await _fixture.InviteAsync("buyer@district.example", "<p>Set your password</p>");

        var mail = await smtp.WaitForMailToAsync("buyer@district.example");
        mail.MessageId.Should().Be(row.MessageId);
        mail.MessageId.Should().EndWith("@district.example");
        mail.Subject.Should().Be("邀请 Invitation");
        mail.From.Mailboxes.Single().Address.Should().Be("noreply@district.example");
        mail.From.Mailboxes.Single().Name.Should().Be("采购平台");
        mail.Body!.Headers[HeaderId.ContentLanguage].Should().Be("zh-CN");
        mail.HtmlBody.Should().Contain("<p>Set your password</p>");
        TestSmtpServer.LinksIn(mail).Should().Equal(new Uri("https://portal.example/invitations/buyer@district.example"));
        await _fixture.EventuallyAsync(m => m.SentAt is not null && m.Attempts == 1 && m.LastError is null, row.Id, "the mail marked sent");
    }

    [Fact]
    public async Task A_mail_enqueued_in_a_transaction_that_rolls_back_never_goes()
    {
        var smtp = await _fixture.StartSmtpAsync();
        await _fixture.InScopeAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), Email = "rolled-back@district.example" });
            db.EnqueueMail(new MailToSend("rolled-back@district.example", "Invitation", "never", CultureInfo.GetCultureInfo("en")));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return true;
        });

        // A mail committed after it goes; by then the rolled-back one would have gone too.
        await _fixture.InviteAsync("committed@district.example");
        await smtp.WaitForMailToAsync("committed@district.example");

        smtp.MailsTo("rolled-back@district.example").Should().BeEmpty();
        (await _fixture.InScopeAsync(db => db.OutgoingMails.CountAsync())).Should().Be(1);
    }

    [Fact]
    public async Task A_mail_committed_while_the_SMTP_server_is_down_arrives_exactly_once_when_it_is_up()
    {
        var row = await _fixture.InviteAsync("patient@district.example");
        await _fixture.EventuallyAsync(m => m.Attempts >= 2 && m.SentAt is null && m.LastError is not null, row.Id, "two failed attempts while the server is down");

        var smtp = await _fixture.StartSmtpAsync();

        await smtp.WaitForMailToAsync("patient@district.example");
        await _fixture.EventuallyAsync(m => m.SentAt is not null, row.Id, "the mail marked sent");
        await Task.Delay(TimeSpan.FromSeconds(1)); // several polls and retry delays
        smtp.MailsTo("patient@district.example").Should().ContainSingle().Which.MessageId.Should().Be(row.MessageId);
    }

    [Fact]
    public async Task A_mail_the_server_answers_with_4xx_is_tried_again_later_and_arrives()
    {
        var smtp = await _fixture.StartSmtpAsync();
        smtp.Deferred["busy@district.example"] = true;

        var row = await _fixture.InviteAsync("busy@district.example");
        await _fixture.EventuallyAsync(m => m.Attempts >= 1 && m.LastError!.StartsWith("450", StringComparison.Ordinal), row.Id, "a deferred attempt");
        (await _fixture.MailRowAsync(row.Id))!.FailedAt.Should().BeNull();
        smtp.Deferred.TryRemove("busy@district.example", out _);

        await smtp.WaitForMailToAsync("busy@district.example");
        await _fixture.EventuallyAsync(m => m.SentAt is not null, row.Id, "the mail marked sent");
        smtp.MailsTo("busy@district.example").Should().ContainSingle();
    }

    [Fact]
    public async Task A_mail_refused_for_good_is_recorded_counted_in_readiness_and_not_tried_again()
    {
        var smtp = await _fixture.StartSmtpAsync();
        smtp.Refused["nobody@district.example"] = true;
        var health = _fixture.Services.GetRequiredService<MailHealthCheck>();
        (await health.CheckHealthAsync(new HealthCheckContext())).Status.Should().Be(HealthStatus.Healthy);

        var refused = await _fixture.InviteAsync("nobody@district.example");
        var next = await _fixture.InviteAsync("somebody@district.example");

        await _fixture.EventuallyAsync(m => m.FailedAt is not null, refused.Id, "the refusal recorded");
        await smtp.WaitForMailToAsync("somebody@district.example");
        await Task.Delay(TimeSpan.FromSeconds(1)); // several polls and retry delays
        var row = await _fixture.MailRowAsync(refused.Id);
        row!.SentAt.Should().BeNull();
        row.Attempts.Should().Be(1);
        row.LastError.Should().StartWith("550");
        smtp.Rejections.Should().Be(1);
        var sent = await _fixture.MailRowAsync(next.Id);
        sent!.SentAt.Should().NotBeNull().And.BeOnOrAfter(sent.CreatedAt, "the mail to a good address was sent after it was enqueued");
        sent.FailedAt.Should().BeNull();

        var result = await health.CheckHealthAsync(new HealthCheckContext());
        result.Status.Should().Be(HealthStatus.Degraded);
        result.Data["mailing-refused"].Should().Be(1);
        result.Description.Should().Contain("mailing 1 refused, 0 waiting");
    }

    [Fact]
    public async Task Mails_a_previous_process_left_unsent_are_sent_after_a_restart()
    {
        var row = await _fixture.InviteAsync("restart@district.example");
        await _fixture.EventuallyAsync(m => m.Attempts >= 1 && m.SentAt is null, row.Id, "a failed attempt while the server is down");

        await _fixture.RestartAsync();
        var smtp = await _fixture.StartSmtpAsync();

        var mail = await smtp.WaitForMailToAsync("restart@district.example");
        mail.MessageId.Should().Be(row.MessageId);
        await _fixture.EventuallyAsync(m => m.SentAt is not null, row.Id, "the mail marked sent by the new process");
        smtp.MailsTo("restart@district.example").Should().ContainSingle();
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@district.example, b@district.example")]
    [InlineData("")]
    public async Task A_mail_to_anything_but_one_address_is_refused_at_enqueue(string to)
    {
        var enqueue = () => _fixture.InScopeAsync(db =>
            Task.FromResult(db.EnqueueMail(new MailToSend(to, "Invitation", "text", CultureInfo.GetCultureInfo("en")))));

        await enqueue.Should().ThrowAsync<ArgumentException>();
    }
}
