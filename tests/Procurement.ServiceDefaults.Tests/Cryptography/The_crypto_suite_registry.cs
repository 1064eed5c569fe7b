using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Procurement.ServiceDefaults.Cryptography;

namespace Procurement.ServiceDefaults.Tests.Cryptography;

public sealed class The_crypto_suite_registry
{
    [Theory]
    [InlineData("std-1", typeof(NistSuite))]
    [InlineData("sm-1", typeof(ShangMiSuite))]
    public void Resolves_both_ids(string id, Type suiteType)
    {
        var suites = new CryptoSuites(CryptoSuites.DefaultSuiteId);

        var suite = suites.Get(id);

        suite.Should().BeOfType(suiteType);
        suite.Id.Should().Be(id);
    }

    [Theory]
    [InlineData("sm-2")]
    [InlineData("SM-1")]
    [InlineData("")]
    public void Refuses_an_unknown_id_naming_it_and_the_known_ones(string id)
    {
        var suites = new CryptoSuites(CryptoSuites.DefaultSuiteId);

        suites.Invoking(s => s.Get(id)).Should().Throw<KeyNotFoundException>()
            .WithMessage($"*'{id}'*std-1 (SHA-256, ECDSA P-256, AES-256-GCM)*sm-1 (SM3, SM2 (sm2p256v1), SM4-GCM)*");
    }

    [Theory]
    [InlineData(null, "std-1")]
    [InlineData("", "std-1")]
    [InlineData("std-1", "std-1")]
    [InlineData("sm-1", "sm-1")]
    public void The_current_suite_is_the_one_Crypto_Suite_names_and_std_1_without_it(string? configured, string expected) =>
        Registered(configured).Current.Id.Should().Be(expected);

    [Theory]
    [InlineData("sm2")]
    [InlineData("guomi")]
    [InlineData("SM-1")]
    public void A_Crypto_Suite_that_names_no_suite_stops_the_host_at_start_naming_the_setting_and_the_allowed_values(string configured)
    {
        var registering = () => Registered(configured);

        registering.Should().Throw<InvalidOperationException>()
            .WithMessage($"Crypto:Suite '{configured}' is not a crypto suite; allowed values: std-1 (*), sm-1 (*).");
    }

    [Fact]
    public void Registering_twice_keeps_one_registry()
    {
        var configuration = Configuration("sm-1");
        var services = new ServiceCollection().AddCryptoSuites(configuration).AddCryptoSuites(configuration);

        services.Count(d => d.ServiceType == typeof(CryptoSuites)).Should().Be(1);
    }

    [Theory]
    [InlineData("std-1", "sm-1")]
    [InlineData("sm-1", "std-1")]
    public void What_was_made_under_one_suite_still_verifies_and_opens_after_the_deployment_moves_to_the_other(string before, string after)
    {
        var document = "合同 2027-001 第 1 版"u8.ToArray();
        var bid = "报价 1,180,000.00"u8.ToArray();
        var then = Registered(before).Current;
        var keys = then.CreateKeyPair();
        var sealingKey = then.CreateSealingKey();
        var stored = new
        {
            SuiteId = then.Id,
            Hash = then.Hash(document),
            keys.PublicKey,
            Signature = then.Sign(keys.PrivateKey, document),
            Box = then.Seal(sealingKey, bid, document),
        };

        var suites = Registered(after);
        var byStoredId = suites.Get(stored.SuiteId);

        suites.Current.Id.Should().Be(after);
        byStoredId.Id.Should().Be(before);
        byStoredId.Hash(document).Should().Equal(stored.Hash);
        byStoredId.Verify(stored.PublicKey, document, stored.Signature).Should().BeTrue();
        byStoredId.Open(sealingKey, stored.Box, document).Should().Equal(bid);
        suites.Current.Hash(document).Should().NotEqual(stored.Hash, "the current suite would not have made this entry");
    }

    private static CryptoSuites Registered(string? configured) =>
        new ServiceCollection().AddCryptoSuites(Configuration(configured)).BuildServiceProvider().GetRequiredService<CryptoSuites>();

    private static IConfiguration Configuration(string? suite) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [CryptoSuites.Setting] = suite }).Build();
}
