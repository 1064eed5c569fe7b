using System.Runtime.Versioning;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Procurement.Bidding.Data;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.Bidding.Tests;

public sealed class Sealing_key : IDisposable
{
    private static readonly CryptoSuites Suites = new(CryptoSuites.DefaultSuiteId);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IConfiguration Configuration(string? key = null, string? keyId = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _folder, [SealingKey.Setting] = key, [SealingKey.IdSetting] = keyId,
        })
        .Build();

    [Fact]
    public void Outside_development_a_missing_key_stops_the_service()
    {
        var create = () => SealingKey.Read(Configuration(), new Environment(Environments.Production));

        create.Should().Throw<InvalidOperationException>().WithMessage("*Bidding:SealingKey*");
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void A_key_that_is_not_exactly_32_bytes_is_refused(int length)
    {
        var create = () => SealingKey.Read(Configuration(Convert.ToBase64String(new byte[length])), new Environment(Environments.Production));

        create.Should().Throw<InvalidOperationException>().WithMessage("*32 bytes*");
    }

    [Fact]
    public void A_key_id_the_sealer_would_refuse_stops_the_service_as_it_starts_not_at_the_first_bid()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var read = () => SealingKey.Read(Configuration(key, "2026 11"), new Environment(Environments.Production));

        read.Should().Throw<ArgumentException>().WithMessage("*without spaces*");
    }

    [Fact]
    public void A_configured_key_is_named_k1_unless_an_id_is_given()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        SealingKey.Read(Configuration(key), new Environment(Environments.Production)).CurrentKeyId.Should().Be("k1");
        SealingKey.Read(Configuration(key, "2026-11"), new Environment(Environments.Production)).CurrentKeyId.Should().Be("2026-11");
    }

    [Fact]
    public void In_development_a_key_is_created_once_in_the_data_folder_and_opens_what_the_first_sealer_sealed()
    {
        var first = SealingKey.Read(Configuration(), new Environment(Environments.Development)).SealerFor(Suites);
        var tender = Guid.NewGuid();
        var dataKey = first.CreateDataKey(tender, DateTimeOffset.UnixEpoch);
        var sealedContent = first.Seal(dataKey, Guid.NewGuid(), 1, "secret"u8);

        var second = SealingKey.Read(Configuration(), new Environment(Environments.Development)).SealerFor(Suites);

        File.Exists(Path.Combine(_folder, "keys", "bid-sealing-key.txt")).Should().BeTrue();
        second.Rewrap(dataKey, DateTimeOffset.UnixEpoch).Should().BeFalse("the same key id");
        var reseal = () => second.Seal(dataKey, Guid.NewGuid(), 1, "again"u8);
        reseal.Should().NotThrow("the second process unwraps the data key the first one wrapped");
        sealedContent.DataKeyId.Should().Be(dataKey.KeyId);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void In_development_the_key_file_is_readable_by_its_owner_only_and_narrowed_if_found_open()
    {
        var path = Path.Combine(_folder, "keys", SealingKey.DevelopmentFile);
        SealingKey.Read(Configuration(), new Environment(Environments.Development));
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var key = File.ReadAllText(path);

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        SealingKey.Read(Configuration(), new Environment(Environments.Development));

        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.ReadAllText(path).Should().Be(key);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Procurement.Bidding";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
