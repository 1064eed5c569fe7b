using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.ServiceDefaults.Mail;

/// <summary>A database of this host with a mail outbox.</summary>
public sealed record MailRegistration(Type ContextType);

public static class MailExtensions
{
    public const string HealthCheckName = "mail";

    /// <summary>
    /// Sends what <typeparamref name="TContext"/>'s mail outbox holds (register the database first, with
    /// <see cref="DatabaseExtensions.AddServiceDatabase{TContext}"/>): the <c>Mail</c> settings, the sender of the
    /// host's <see cref="MailMode"/>, a <see cref="MailDispatcher{TContext}"/>, and the readiness check of every mail
    /// outbox of the host. A <c>Mail:From</c> that is not one address stops the host at start.
    /// </summary>
    public static WebApplicationBuilder AddMailOutbox<TContext>(this WebApplicationBuilder builder)
        where TContext : DbContext, IMailOutbox
    {
        var options = builder.Configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            throw new InvalidOperationException($"Mail:From '{options.From}' is not a mail address (e.g. \"Procurement <noreply@district.example>\").");
        }

        if (!builder.Services.Any(d => d.ServiceType == typeof(MailRegistration)))
        {
            builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
            builder.Services.TryAddSingleton(TimeProvider.System);
            builder.Services.TryAddSingleton<OutboxSignals>();
            if (options.ModeIn(builder.Environment) == MailMode.LogOnly)
            {
                builder.Services.AddSingleton<IMailSender, LogOnlyMailSender>();
            }
            else
            {
                builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
            }

            builder.Services.AddHealthChecks().AddCheck<MailHealthCheck>(HealthCheckName, tags: [HealthTags.Ready]);
        }

        builder.Services.AddSingleton(new MailRegistration(typeof(TContext)));
        builder.Services.AddHostedService<MailDispatcher<TContext>>();
        return builder;
    }
}

/// <summary>
/// Readiness detail: per service, the mails the SMTP server refused for good (5xx) and those still waiting. Degraded
/// (still HTTP 200) while a refused mail exists, or while mails wait with no SMTP server configured; Healthy otherwise.
/// </summary>
public sealed class MailHealthCheck(
    IServiceProvider services, IEnumerable<MailRegistration> registrations, IOptions<MailOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var parts = new List<string>();
        var refused = 0;
        var waiting = 0;
        foreach (var contextType in registrations.Select(r => r.ContextType).Distinct())
        {
            await using var scope = services.CreateAsyncScope();
            var mails = ((IMailOutbox)scope.ServiceProvider.GetRequiredService(contextType)).OutgoingMails;
            var service = DeadLetterOperations.ServiceOf(contextType);
            var serviceRefused = await mails.CountAsync(m => m.FailedAt != null, cancellationToken);
            var serviceWaiting = await mails.CountAsync(m => m.SentAt == null && m.FailedAt == null, cancellationToken);
            data[service + "-refused"] = serviceRefused;
            data[service + "-waiting"] = serviceWaiting;
            parts.Add($"{service} {serviceRefused} refused, {serviceWaiting} waiting");
            refused += serviceRefused;
            waiting += serviceWaiting;
        }

        var mode = options.Value.ModeIn(environment);
        var description = $"mail ({mode}): " + string.Join("; ", parts);
        if (refused > 0)
        {
            return HealthCheckResult.Degraded(description + " (a refused mail is not tried again; its row says why)", data: data);
        }

        return mode == MailMode.NotConfigured && waiting > 0
            ? HealthCheckResult.Degraded(description + " (no SMTP server configured: set Mail:Smtp:Host)", data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
