using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Procurement.Bidding.Data;
using Procurement.Bidding.Domain;

namespace Procurement.Bidding.Tests;

public sealed class Id_number_pepper : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IConfiguration Configuration(string? pepper = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder, [IdNumberPepper.Setting] = pepper })
        .Build();

    private static ProtectedIdNumber Protect(IdNumberProtector protector)
    {
        NationalIdNumber.TryParse("440305198511205670", new DateOnly(2026, 11, 25), out var number, out _);
        return protector.Protect(number!);
    }

    [Fact]
    public void Outside_development_a_missing_pepper_stops_the_service()
    {
        var create = () => IdNumberPepper.CreateProtector(Configuration(), new Environment(Environments.Production));

        create.Should().Throw<InvalidOperationException>().WithMessage("*Bidding:IdNumberPepper*");
    }

    [Fact]
    public void A_configured_pepper_shorter_than_32_bytes_is_refused()
    {
        var create = () => IdNumberPepper.CreateProtector(Configuration(Convert.ToBase64String(new byte[31])), new Environment(Environments.Production));

        create.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Every_process_with_the_same_configured_pepper_hashes_alike()
    {
        var pepper = Convert.ToBase64String([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

        var first = Protect(IdNumberPepper.CreateProtector(Configuration(pepper), new Environment(Environments.Production)));
        var second = Protect(IdNumberPepper.CreateProtector(Configuration(pepper), new Environment(Environments.Production)));

        second.Should().Be(first);
    }

    [Fact]
    public void In_development_a_pepper_is_created_once_in_the_data_folder_and_reused()
    {
        var first = Protect(IdNumberPepper.CreateProtector(Configuration(), new Environment(Environments.Development)));
        var second = Protect(IdNumberPepper.CreateProtector(Configuration(), new Environment(Environments.Development)));

        second.Should().Be(first);
        File.Exists(Path.Combine(_folder, "keys", "id-number-pepper.txt")).Should().BeTrue();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void In_development_the_pepper_file_is_readable_by_its_owner_only_and_narrowed_if_found_open()
    {
        var path = Path.Combine(_folder, "keys", IdNumberPepper.DevelopmentFile);
        var first = Protect(IdNumberPepper.CreateProtector(Configuration(), new Environment(Environments.Development)));
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var again = Protect(IdNumberPepper.CreateProtector(Configuration(), new Environment(Environments.Development)));

        again.Should().Be(first);
        File.GetUnixFileMode(path).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Procurement.Bidding";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
