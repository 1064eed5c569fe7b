using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Procurement.ServiceDefaults.Mail;

/// <summary>Opens one connection for a batch of mails; each send either returns (accepted) or throws.</summary>
public interface IMailSender
{
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends over SMTP with MailKit to <c>Mail:Smtp</c>, signing in when a user name is configured.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)options.Value.SendTimeout.TotalMilliseconds };
        try
        {
            var security = smtp.UseTls switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.EffectivePort, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // Every mail of the batch is already marked; a QUIT the server does not answer changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}

/// <summary>Development without a mail server: writes each mail, links included, to the log.</summary>
public sealed class LogOnlyMailSender(ILogger<LogOnlyMailSender> logger) : IMailSender
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(new Connection(logger));

    private sealed class Connection(ILogger logger) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            logger.LogInformation("Mail not sent (no Mail:Smtp:Host in Development): to {To}, subject {Subject}, message id {MessageId}:\n{Text}",
                message.To, message.Subject, message.MessageId, message.TextBody);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
