using System.Diagnostics;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Procurement.ServiceDefaults.Messaging;

namespace Procurement.ServiceDefaults.Mail;

/// <summary>
/// Sends a service's committed mails (its <see cref="IMailOutbox"/>), oldest first, one SMTP connection per batch.
/// While the server is unreachable, or answers a mail with 4xx (try later), the mail stays owed and its next attempt
/// moves out with exponential back-off (capped): nothing is lost. A 5xx answer (the server refuses that mail for good,
/// e.g. an unknown mailbox) is recorded on the row, logged as an error and counted in /health/ready; it is not tried
/// again. A mail the server accepted is marked sent at once; a crash between the two sends it again with the same
/// Message-Id (at least once).
/// </summary>
public sealed class MailDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IMailSender sender,
    OutboxSignals signals,
    TimeProvider clock,
    IHostEnvironment environment,
    IOptions<MailOptions> options,
    ILogger<MailDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMailOutbox
{
    private static readonly ActivitySource Source = new(Outbox.ActivitySourceName);

    private readonly MailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.ModeIn(environment) == MailMode.NotConfigured)
        {
            logger.LogWarning("No SMTP server is configured (Mail:Smtp:Host): the {Context} mails wait in its outbox until one is", typeof(TContext).Name);
            return;
        }

        await DispatchLoop.RunAsync(SendDueAsync, signals.For<TContext>().Listen<OutgoingMail>(), _options.PollInterval,
            exception => logger.LogError(exception, "Reading the {Context} mail outbox failed", typeof(TContext).Name), stoppingToken);
    }

    /// <summary>Sends every mail that is due; returns how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var now = clock.GetUtcNow();
            var batch = await db.OutgoingMails
                .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
                .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
                .Take(_options.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }

            IMailConnection connection;
            try
            {
                connection = await WithTimeoutAsync(sender.ConnectAsync, cancellationToken);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                logger.LogWarning(exception, "The SMTP server could not be reached; {Count} {Context} mail(s) wait", batch.Count, typeof(TContext).Name);
                BackOff(batch, exception);
                await db.SaveChangesAsync(cancellationToken);
                return sent;
            }

            await using (connection)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var mail = batch[i];
                    switch (await SendOneAsync(connection, mail, cancellationToken))
                    {
                        case Outcome.Sent:
                            sent++;
                            break;
                        case Outcome.ConnectionLost:
                            BackOff(batch.Skip(i), new IOException(mail.LastError));
                            await db.SaveChangesAsync(cancellationToken);
                            return sent;
                    }

                    // Each mail's outcome is saved at once: a crash sends again at most the one mail in flight.
                    await db.SaveChangesAsync(cancellationToken);
                }
            }

            if (batch.Count < _options.BatchSize)
            {
                return sent;
            }
        }
    }

    private enum Outcome
    {
        Sent,
        Refused,
        Deferred,
        ConnectionLost,
    }

    private async Task<Outcome> SendOneAsync(IMailConnection connection, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(mail.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("mail send", ActivityKind.Client, parent);
        activity?.SetTag("mail.message_id", mail.MessageId);
        try
        {
            await WithTimeoutAsync(token => connection.SendAsync(Compose(mail), token), cancellationToken);
            mail.SentAt = clock.GetUtcNow();
            mail.Attempts++;
            mail.LastError = null;
            logger.LogInformation("Mail {MessageId} sent to {To} after {Attempts} attempt(s)", mail.MessageId, mail.To, mail.Attempts);
            return Outcome.Sent;
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            mail.Attempts++;
            mail.FailedAt = clock.GetUtcNow();
            mail.LastError = Error(refused);
            activity?.SetStatus(ActivityStatusCode.Error, mail.LastError);
            logger.LogError(refused, "The SMTP server refused mail {MessageId} to {To} for good ({Status}); it is not tried again",
                mail.MessageId, mail.To, (int)refused.StatusCode);
            return Outcome.Refused;
        }
        catch (SmtpCommandException later)
        {
            // 4xx: this mail, not the connection; the others go on.
            BackOff([mail], later);
            activity?.SetStatus(ActivityStatusCode.Error, mail.LastError);
            return Outcome.Deferred;
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken))
        {
            mail.LastError = Error(exception);
            activity?.SetStatus(ActivityStatusCode.Error, mail.LastError);
            logger.LogWarning(exception, "The SMTP connection failed while sending mail {MessageId}", mail.MessageId);
            return Outcome.ConnectionLost;
        }
    }

    private void BackOff(IEnumerable<OutgoingMail> mails, Exception cause)
    {
        var now = clock.GetUtcNow();
        foreach (var mail in mails)
        {
            mail.Attempts++;
            mail.NextAttemptAt = now + DispatchLoop.BackOff(_options.FirstRetryDelay, _options.MaxRetryDelay, mail.Attempts);
            mail.LastError = Error(cause);
            logger.LogWarning("Mail {MessageId} to {To} deferred, attempt {Attempt}: {Error}; next at {NextAttempt}",
                mail.MessageId, mail.To, mail.Attempts, mail.LastError, mail.NextAttemptAt);
        }
    }

    /// <summary>The MIME message of a row: the same Message-Id and Date on every attempt.</summary>
    public MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.MessageId = mail.MessageId;
        message.Date = mail.CreatedAt;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();

        // A Content-* header belongs to the body entity (MimeKit keeps the message's own headers to the envelope).
        message.Body.Headers.Add(HeaderId.ContentLanguage, mail.Culture);
        return message;
    }

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.SendTimeout);
        return await work(timeout.Token);
    }

    private Task WithTimeoutAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WithTimeoutAsync(async token =>
        {
            await work(token);
            return true;
        }, cancellationToken);

    /// <summary>The server is away or the connection broke (or timed out): try later. Not a shutdown of this host.</summary>
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is SocketException or IOException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or SmtpCommandException
            or OperationCanceledException or TimeoutException;

    private static string Error(Exception exception)
    {
        var text = exception is SmtpCommandException smtp ? $"{(int)smtp.StatusCode} {smtp.Message}" : $"{exception.GetType().Name}: {exception.Message}";
        return text.Length > OutgoingMail.ErrorMaxLength ? text[..OutgoingMail.ErrorMaxLength] : text;
    }
}
