using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Procurement.ServiceDefaults.Security;

/// <summary>
/// A development secret kept in the data folder (token keys, Bidding's sealing key and ID-number pepper): created
/// once, shared by every process that reads the same folder, and readable by its owner only.
/// </summary>
/// <remarks>
/// On Unix the file is created with mode 0600 by the <c>open(2)</c> call itself (<see cref="FileStreamOptions.UnixCreateMode"/>),
/// so there is no moment at which it exists with the umask's wider mode; it is written under a temporary name and
/// moved into place, which keeps the mode. A new <c>keys</c> folder is created 0700. A file that already exists with
/// any group or other permission is narrowed to 0600 when it is read, and that is logged as a warning: someone else
/// on the machine may have read it. On Windows the file inherits the folder's access control list.
/// </remarks>
public static class SecretFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>The secret in <paramref name="path"/>; if there is none, <paramref name="create"/>'s, written owner-only.</summary>
    /// <param name="logger">Told when an existing file had to be narrowed.</param>
    public static string ReadOrCreate(string path, Func<string> create, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(create);
        if (File.Exists(path))
        {
            Narrow(path, logger);
            return File.ReadAllText(path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(create());
        }

        try
        {
            // Another process sharing the folder may have created it first: then theirs is kept and read back.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            Narrow(path, logger);
        }

        return File.ReadAllText(path);
    }

    private static void Narrow(string path, ILogger? logger)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) == 0)
        {
            return;
        }

        File.SetUnixFileMode(path, mode & ~GroupOrOther);
        logger?.LogWarning(
            "The secret file {Path} was open to other users (mode {Mode}); it is now readable by its owner only (0600). "
            + "Anyone on this machine may have read it: replace the secret if that matters.",
            path, Octal(mode));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}

/// <summary>
/// Warnings raised while a host is being built (for example by <see cref="SecretFile"/>), before its logging exists:
/// kept, and written to the host's own log when it starts.
/// </summary>
public sealed class StartupLog : IHostedService
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> _pending = new();
    private ILoggerFactory? _loggers;

    /// <summary>A logger for <paramref name="category"/> whose entries reach the log of the host <paramref name="builder"/> builds.</summary>
    public static ILogger For(IHostApplicationBuilder builder, string category)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var log = builder.Services.Select(d => d.ServiceType == typeof(StartupLog) ? d.ImplementationInstance : null).OfType<StartupLog>().FirstOrDefault();
        if (log is null)
        {
            log = new StartupLog();
            builder.Services.AddSingleton(log);
            builder.Services.AddSingleton<IHostedService>(services =>
            {
                log._loggers = services.GetRequiredService<ILoggerFactory>();
                return log;
            });
        }

        return new Pending(log, category);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        while (_loggers is not null && _pending.TryDequeue(out var entry))
        {
            // Formatted when it was raised: passed as a value, so braces in a path are not read as a template.
            _loggers.CreateLogger(entry.Category).Log(entry.Level, entry.Exception, "{StartupMessage}", entry.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed class Pending(StartupLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            log._pending.Enqueue((category, logLevel, formatter(state, exception), exception));
        }
    }
}
