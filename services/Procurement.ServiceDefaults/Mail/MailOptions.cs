using Microsoft.Extensions.Hosting;

namespace Procurement.ServiceDefaults.Mail;

/// <summary>How the SMTP connection is secured: STARTTLS on a plain port (587), TLS from the first byte (465), or none (a relay inside the cluster, tests).</summary>
public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}

/// <summary>Where a host's mail goes (see <see cref="MailOptions.ModeIn"/>).</summary>
public enum MailMode
{
    /// <summary>To the SMTP server of <c>Mail:Smtp:Host</c>.</summary>
    Smtp,

    /// <summary>Development without a server: each mail is written to the log (its links included) and counts as sent.</summary>
    LogOnly,

    /// <summary>Outside Development without a server: mails wait in the outbox, and /health/ready says so.</summary>
    NotConfigured,
}

/// <summary>The <c>Mail</c> section: the sender, the SMTP server, and how the dispatcher retries.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The From of every mail, e.g. <c>政府采购平台 &lt;noreply@district.example&gt;</c>.</summary>
    public string From { get; set; } = "Procurement <noreply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the outbox is read when no commit signals a new mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long connecting, authenticating or sending one mail may take before it counts as a failed attempt.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Smtp when a host is configured; otherwise LogOnly in Development (a fresh clone shows its invitation links in
    /// the console without a mail server to install) and NotConfigured elsewhere (a reset link must never land in a
    /// production log; the mails wait until a server is configured).
    /// </summary>
    public MailMode ModeIn(IHostEnvironment environment) =>
        !string.IsNullOrWhiteSpace(Smtp.Host) ? MailMode.Smtp
        : environment.IsDevelopment() ? MailMode.LogOnly
        : MailMode.NotConfigured;
}

/// <summary><c>Mail:Smtp</c>: the server. The password comes from a secret (in Kubernetes the env var <c>Mail__Smtp__Password</c>).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Default by <see cref="UseTls"/>: 587 for StartTls, 465 for SslOnConnect, 25 for None.</summary>
    public int? Port { get; set; }

    public SmtpSecurity UseTls { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Signs in when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int EffectivePort => Port ?? UseTls switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };
}
