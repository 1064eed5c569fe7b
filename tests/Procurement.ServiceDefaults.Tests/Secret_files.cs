using System.Collections.Concurrent;
using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Procurement.ServiceDefaults.Security;

namespace Procurement.ServiceDefaults.Tests;

[UnsupportedOSPlatform("windows")]
public sealed class Secret_files : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_new_secret_file_is_readable_by_its_owner_only_in_a_folder_only_its_owner_can_enter()
    {
        var path = Path.Combine(_folder, "keys", "secret.txt");

        SecretFile.ReadOrCreate(path, () => "s3cret").Should().Be("s3cret");

        File.GetUnixFileMode(path).Should().Be(OwnerOnly);
        File.GetUnixFileMode(Path.GetDirectoryName(path)!).Should().Be(OwnerOnly | UnixFileMode.UserExecute);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().Equal([path], "the temporary file was moved into place");
    }

    [Fact]
    public void An_existing_secret_is_read_back_and_not_created_again()
    {
        var path = Path.Combine(_folder, "keys", "secret.txt");
        SecretFile.ReadOrCreate(path, () => "first");

        SecretFile.ReadOrCreate(path, () => "second").Should().Be("first");
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite)]
    public void An_existing_secret_file_open_to_others_is_narrowed_to_its_owner_and_logged(UnixFileMode wider)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "old-key.txt");
        File.WriteAllText(path, "kept");
        File.SetUnixFileMode(path, wider);
        var log = new LogCapture();

        SecretFile.ReadOrCreate(path, () => "new", log.CreateLogger("keys")).Should().Be("kept");

        File.GetUnixFileMode(path).Should().Be(OwnerOnly);
        log.Entries.Should().ContainSingle().Which.Should().Match<(LogLevel Level, string Message)>(
            e => e.Level == LogLevel.Warning && e.Message.Contains(path) && e.Message.Contains(Convert.ToString((int)wider, 8)));
    }

    [Fact]
    public void A_secret_file_already_owner_only_is_read_without_a_warning()
    {
        var path = Path.Combine(_folder, "keys", "secret.txt");
        SecretFile.ReadOrCreate(path, () => "s3cret");
        var log = new LogCapture();

        SecretFile.ReadOrCreate(path, () => "other", log.CreateLogger("keys"));

        log.Entries.Should().BeEmpty();
    }

    [Fact]
    public void The_development_token_keys_are_written_owner_only_and_narrowed_when_found_open()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder })
            .Build();
        var environment = new HostingEnvironment { EnvironmentName = Environments.Development };

        var created = TokenKeys.Load(configuration, environment);

        var signing = Path.Combine(_folder, "keys", "signing-key.pem");
        var encryption = Path.Combine(_folder, "keys", "encryption-key.txt");
        File.GetUnixFileMode(signing).Should().Be(OwnerOnly);
        File.GetUnixFileMode(encryption).Should().Be(OwnerOnly);

        File.SetUnixFileMode(signing, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var log = new LogCapture();
        var reloaded = TokenKeys.Load(configuration, environment, log.CreateLogger("keys"));
        reloaded.EncryptionKey!.Key.Should().Equal(created.EncryptionKey!.Key, "the key written at creation is the one read back");
        reloaded.SigningKey.Rsa.ExportSubjectPublicKeyInfo().Should().Equal(created.SigningKey.Rsa.ExportSubjectPublicKeyInfo());
        File.GetUnixFileMode(signing).Should().Be(OwnerOnly);
        log.Entries.Should().ContainSingle().Which.Message.Should().Contain("signing-key.pem");
    }

    [Fact]
    public async Task A_warning_raised_while_the_host_is_built_reaches_the_hosts_log_when_it_starts()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        var log = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(log);

        StartupLog.For(builder, "Keys").LogWarning("The secret file {Path} was open", "/data/{odd}/key.txt");
        StartupLog.For(builder, "Keys").LogWarning("A second warning");
        log.Entries.Should().BeEmpty("nothing is logged before the host exists");

        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)
            .Should().Equal("The secret file /data/{odd}/key.txt was open", "A second warning");
        builder.Services.Count(d => d.ServiceType == typeof(StartupLog)).Should().Be(1);
    }

    private sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Message)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Message)> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Capturing(_entries);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<(LogLevel Level, string Message)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
