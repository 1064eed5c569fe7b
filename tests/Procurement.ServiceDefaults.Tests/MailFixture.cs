using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Procurement.ServiceDefaults.Mail;
using Procurement.ServiceDefaults.Messaging;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Testing;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>Someone invited to a test service; each invitation enqueues a mail in the same SaveChanges.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";
}

/// <summary>A service database with a mail outbox, as a service's context composes it.</summary>
public sealed class MailingDb(DbContextOptions<MailingDb> options) : ServiceDbContext(options), IMailOutbox
{
    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Invitation>().HasIndex(i => i.Email).IsUnique();
    }
}

/// <summary>
/// A SQLite database with a mail outbox and a <see cref="MailDispatcher{TContext}"/> that sends over SMTP to a
/// loopback port where a <see cref="TestSmtpServer"/> runs, or not yet (<see cref="StartSmtpAsync"/>). The
/// process can be "restarted": a new service provider and dispatcher on the same database file.
/// </summary>
public sealed class MailFixture : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services;
    private readonly bool _serverConfigured;
    private CancellationTokenSource _running = new();

    /// <param name="serverConfigured">False: no Mail:Smtp:Host, in Production (mails must wait).</param>
    public MailFixture(bool serverConfigured = true)
    {
        _serverConfigured = serverConfigured;
        Directory.CreateDirectory(_folder);
        _services = Build();
        Dispatcher = ActivatorUtilities.CreateInstance<MailDispatcher<MailingDb>>(_services);
    }

    public int SmtpPort { get; } = TestHosts.FreePort();

    public TestSmtpServer? Smtp { get; private set; }

    public MailDispatcher<MailingDb> Dispatcher { get; private set; }

    public IServiceProvider Services => _services;

    public async Task<TestSmtpServer> StartSmtpAsync()
    {
        Smtp = await TestSmtpServer.StartAsync(SmtpPort);
        return Smtp;
    }

    /// <summary>Creates the database and runs the dispatcher in the background, as a host would.</summary>
    public async Task StartAsync()
    {
        await InScopeAsync(db => db.Database.EnsureCreatedAsync());
        await Dispatcher.StartAsync(_running.Token);
    }

    /// <summary>Stops the dispatcher and drops this "process"; a new one starts on the same database.</summary>
    public async Task RestartAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        Dispatcher.Dispose();
        await _running.CancelAsync();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _running = new CancellationTokenSource();
        _services = Build();
        Dispatcher = ActivatorUtilities.CreateInstance<MailDispatcher<MailingDb>>(_services);
        await Dispatcher.StartAsync(_running.Token);
    }

    /// <summary>Invites <paramref name="email"/>: the invitation and its mail commit together.</summary>
    public Task<OutgoingMail> InviteAsync(string email, string? html = null) => InScopeAsync(async db =>
    {
        db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), Email = email });
        var mail = db.EnqueueMail(new MailToSend(email, "邀请 Invitation", $"Set your password: https://portal.example/invitations/{email}",
            CultureInfo.GetCultureInfo("zh-CN"), html));
        await db.SaveChangesAsync();
        return mail;
    });

    public Task<OutgoingMail?> MailRowAsync(Guid id) =>
        InScopeAsync(db => db.OutgoingMails.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id));

    public Task EventuallyAsync(Func<OutgoingMail, bool> holds, Guid id, string what) =>
        Poll.UntilAsync(async () => await MailRowAsync(id) is { } row && holds(row), what, TimeSpan.FromSeconds(20));

    public async Task<T> InScopeAsync<T>(Func<MailingDb, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MailingDb>());
    }

    public async ValueTask DisposeAsync()
    {
        await Dispatcher.StopAsync(CancellationToken.None);
        Dispatcher.Dispose();
        await _running.CancelAsync();
        _running.Dispose();
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignals>();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddDbContext<MailingDb>((provider, options) => options
            .UseSqlite($"Data Source={Path.Combine(_folder, "mail.db")}")
            .AddInterceptors(provider.GetRequiredService<OutboxSignals>().For<MailingDb>()));
        services.AddSingleton(Options.Create(new MailOptions
        {
            From = "采购平台 <noreply@district.example>",
            Smtp = new SmtpOptions { Host = _serverConfigured ? "127.0.0.1" : null, Port = SmtpPort, UseTls = SmtpSecurity.None },
            PollInterval = TimeSpan.FromMilliseconds(100),
            FirstRetryDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
            SendTimeout = TimeSpan.FromSeconds(5),
        }));
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddSingleton(new MailRegistration(typeof(MailingDb)));
        services.AddSingleton<MailHealthCheck>();
        return services.BuildServiceProvider();
    }
}
