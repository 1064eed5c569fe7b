using Procurement.ServiceDefaults.Security;
using Procurement.Standalone;
using Procurement.Testing;

namespace Procurement.Integration.Tests;

/// <summary>
/// Issue 14, item 7, for the embedded host: outside Development, on a clean data folder, a secret that is not configured
/// is refused at start, and the refusal names the setting to fix. (A development key copied into the settings and demo
/// users in the data folder: <see cref="The_embedded_host_outside_development"/>.)
/// </summary>
public sealed class The_embedded_host_refuses_missing_secrets : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "procurement-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => new TestSettings { DataDirectory = _folder }.DeleteDataDirectory();

    [Theory]
    [InlineData("Bidding:SealingKey")]
    [InlineData("Bidding:IdNumberPepper")]
    [InlineData("Contracting:SigningKey")]
    [InlineData(TokenKeys.SigningKeySetting)]
    [InlineData(TokenKeys.EncryptionKeySetting)]
    public async Task A_missing_secret_is_refused_naming_its_setting(string setting)
    {
        var settings = The_embedded_host_outside_development.InProduction(_folder, new() { [setting] = null });

        var refusal = await StartRefusal.ReasonAsync(() => StandaloneHost.Build(TestHosts.CreateBuilder(settings)));

        refusal.Should().Contain(setting);
    }
}
