using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Procurement.Testing;

/// <summary>
/// A real SMTP server on a loopback port, in the test process (the <c>SmtpServer</c> package): it keeps every mail it
/// accepts, parsed with MimeKit, and lets a test wait for a mail to an address and read its text and links. Addresses
/// in <see cref="Refused"/> are answered 550 (refused for good), those in <see cref="Deferred"/> 450 (try later).
/// </summary>
public sealed partial class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private TestSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Recipients answered 550 at RCPT TO.</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recipients answered 450 at RCPT TO.</summary>
    public ConcurrentDictionary<string, bool> Deferred { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times a recipient was refused or deferred.</summary>
    public int Rejections => Volatile.Read(ref _rejections);

    private int _rejections;

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>Starts a server on <paramref name="port"/> (a free one if null) and returns once it accepts connections.</summary>
    public static async Task<TestSmtpServer> StartAsync(int? port = null)
    {
        var server = new TestSmtpServer(port ?? TestHosts.FreePort());
        await Poll.UntilAsync(server.AcceptsAsync, $"the test SMTP server to listen on port {server.Port}", TimeSpan.FromSeconds(10));
        return server;
    }

    /// <summary>The mails received for <paramref name="address"/>, in arrival order.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The first mail to <paramref name="address"/>, waiting for it up to <paramref name="patience"/> (20 s).</summary>
    public async Task<MimeMessage> WaitForMailToAsync(string address, TimeSpan? patience = null)
    {
        await Poll.UntilAsync(() => Task.FromResult(MailsTo(address).Count > 0), $"a mail to {address}", patience ?? TimeSpan.FromSeconds(20));
        return MailsTo(address)[0];
    }

    /// <summary>The plain text of a mail (its HTML when it has no text part).</summary>
    public static string TextOf(MimeMessage message) => message.TextBody ?? message.HtmlBody ?? "";

    /// <summary>The http(s) links in a mail's text, in order.</summary>
    public static IReadOnlyList<Uri> LinksIn(MimeMessage message) =>
        [.. Link().Matches(TextOf(message)).Select(m => new Uri(m.Value))];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        if (_running.IsFaulted)
        {
            await _running;
        }

        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Link();

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer server) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            if (server.Deferred.ContainsKey(address))
            {
                Interlocked.Increment(ref server._rejections);
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Unavailable, "mailbox busy, try later"));
            }

            if (server.Refused.ContainsKey(address))
            {
                Interlocked.Increment(ref server._rejections);
                return Task.FromResult(false);
            }

            return Task.FromResult(true);
        }
    }
}
