using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Persistence;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary><c>RabbitMq</c> (every distributed host) or <c>InMemory</c> (the embedded default, unit tests).</summary>
    public string Transport { get; set; } = "RabbitMq";

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>Registers the bus through MassTransit's test harness, so tests can assert what was published and consumed.</summary>
    public bool TestHarness { get; set; }

    /// <summary>Prefixes every queue name, so that two deployments can share a broker (tests do).</summary>
    public string? QueuePrefix { get; set; }

    /// <summary>The back-off between a consumer's retries; their number is fixed (<see cref="Delivery.RetryLimit"/>).</summary>
    public RetryOptions Retry { get; set; } = new();
}

public sealed class RetryOptions
{
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan DelayStep { get; set; } = TimeSpan.FromMilliseconds(500);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "localhost";

    public ushort Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";
}

/// <summary>The consumers the modules of this host registered; applied once, when the bus is built.</summary>
public sealed class ConsumerRegistrations
{
    public List<Action<IBusRegistrationConfigurator>> Actions { get; } = [];
}

public static class MessagingExtensions
{
    /// <summary>A module adds its consumers; the host's one bus gets them all (one bus per process).</summary>
    public static WebApplicationBuilder AddConsumers(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> register)
    {
        Registrations(builder.Services).Actions.Add(register);
        return builder;
    }

    /// <summary>
    /// One MassTransit bus for the host, on the configured transport, with every module's consumers, and MassTransit's
    /// usage telemetry off (no outbound call the operator did not declare). A message that still fails after the
    /// retries becomes a dead letter in the consuming service's database (see <see cref="IdempotentConsumer{TContext, TMessage}"/>),
    /// counted in <c>/health/ready</c> and replayable by an admin; only when that cannot be saved does it go to its
    /// queue's <c>_error</c> queue. On the in-memory bus the outbox confirms a row only once every consumer committed it
    /// (see <see cref="ConsumerDirectory"/>).
    /// </summary>
    public static WebApplicationBuilder AddProcurementBus(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var registrations = Registrations(builder.Services);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration("Messaging:Outbox");

        var inMemory = string.Equals(options.Transport, "InMemory", StringComparison.OrdinalIgnoreCase);
        Action<IBusRegistrationConfigurator> configure = bus =>
        {
            // MassTransit 8.4+ reports usage to its vendor unless told not to (MASSTRANSIT_USAGE_TELEMETRY can still override).
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.QueuePrefix, includeNamespace: true));
            foreach (var register in registrations.Actions)
            {
                register(bus);
            }

            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Retries with back-off inside the consumer; at the last one the consumer keeps the message as a dead letter.
                endpoint.UseMessageRetry(retry => retry.Exponential(Delivery.RetryLimit, options.Retry.FirstDelay, options.Retry.MaxDelay, options.Retry.DelayStep));
            });

            if (inMemory)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
            else if (string.Equals(options.Transport, "RabbitMq", StringComparison.OrdinalIgnoreCase))
            {
                var rabbit = options.RabbitMq;
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, host =>
                    {
                        host.Username(rabbit.Username);
                        host.Password(rabbit.Password);
                    });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                throw new InvalidOperationException($"Messaging:Transport must be RabbitMq or InMemory, not '{options.Transport}'.");
            }
        };
        if (options.TestHarness)
        {
            // Our events leave through the outbox dispatcher, a step after the request that raised them. On a busy
            // machine (CI runs test projects side by side) that step can take longer than the harness's default
            // 1.2 s of inactivity, after which Published.Any gives up; 5 s keeps the waits honest without making the
            // few "nothing was published" checks slow.
            builder.Services.AddMassTransitTestHarness(bus =>
            {
                configure(bus);
                bus.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromSeconds(5));
            });
        }
        else
        {
            builder.Services.AddMassTransit(configure);
        }

        if (inMemory)
        {
            // After the registrations ran: every consumer type is in the service collection now.
            builder.Services.AddSingleton(ConsumerDirectory.From(builder.Services));

            // The in-memory bus drops a message published before its consumers' endpoints are bound, and the outbox
            // sends an owed row again only after its confirm timeout. So the host's start waits until the bus and every
            // receive endpoint have started, and the dispatchers publish only once the host has started
            // (OutboxDispatcher). (On RabbitMQ the start does not wait: the broker may be down, and the queues keep
            // what is published meanwhile.)
            builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        }

        builder.AddDeadLetters();
        return builder;
    }

    /// <summary>Dead letters: their operations, and their count per service as a readiness check (Degraded while any exist).</summary>
    private static void AddDeadLetters(this WebApplicationBuilder builder)
    {
        ProblemMessages.Add(new Dictionary<string, (string En, string Zh)> { ["dead_letter"] = ("Dead letter", "死信") });
        builder.Services.AddSingleton<DeadLetterOperations>();
        builder.Services.AddHealthChecks().AddCheck<DeadLetterHealthCheck>(DeadLetterOperations.HealthCheckName, tags: [HealthTags.Ready]);
    }

    private static ConsumerRegistrations Registrations(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ConsumerRegistrations))?.ImplementationInstance;
        if (existing is ConsumerRegistrations registrations)
        {
            return registrations;
        }

        registrations = new ConsumerRegistrations();
        services.AddSingleton(registrations);
        return registrations;
    }
}
