using Microsoft.Extensions.Configuration;

namespace Procurement.ServiceDefaults.Cryptography;

/// <summary>
/// Every suite the platform can read, and the one it produces with. Producing uses <see cref="Current"/>; checking
/// uses <see cref="Get"/> with the id stored beside the entry, never <see cref="Current"/>: a deployment that moved
/// from <c>std-1</c> to <c>sm-1</c> must still verify the chain links and signatures it made before the move.
/// </summary>
public sealed class CryptoSuites
{
    /// <summary>The configuration key that chooses <see cref="Current"/>; <c>std-1</c> when not set.</summary>
    public const string Setting = "Crypto:Suite";

    public const string DefaultSuiteId = NistSuite.SuiteId;

    /// <summary>Every suite ever used: an id stays here as long as one entry made with it may exist.</summary>
    public static IReadOnlyList<CryptoSuite> All { get; } = [NistSuite.Instance, ShangMiSuite.Instance];

    public CryptoSuites(string currentSuiteId)
    {
        Current = Find(currentSuiteId) ?? throw UnknownSuite(currentSuiteId);
    }

    /// <summary>The suite that new hashes, signatures, keys and sealed boxes are made with.</summary>
    public CryptoSuite Current { get; }

    /// <summary>The suite of a stored id.</summary>
    /// <exception cref="KeyNotFoundException">
    /// No suite has the id: the entry was written by a newer version of the platform, or its id was altered.
    /// </exception>
    public CryptoSuite Get(string suiteId) =>
        Find(suiteId) ?? throw UnknownSuite(suiteId);

    /// <summary>The registry for <paramref name="configuration"/>'s <c>Crypto:Suite</c>.</summary>
    /// <exception cref="InvalidOperationException">
    /// The setting names no suite. Thrown at start: a host that would seal bids with a suite nobody chose must not run.
    /// </exception>
    public static CryptoSuites From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return new CryptoSuites(DefaultSuiteId);
        }

        return Find(configured) is { } suite
            ? new CryptoSuites(suite.Id)
            : throw new InvalidOperationException(
                $"{Setting} '{configured}' is not a crypto suite; allowed values: {Described}.");
    }

    private static string Described => string.Join(", ", All.Select(s => s.ToString()));

    private static CryptoSuite? Find(string suiteId) => All.FirstOrDefault(s => s.Id == suiteId);

    private static KeyNotFoundException UnknownSuite(string suiteId) =>
        new($"No crypto suite has the id '{suiteId}'; the suites are {Described}.");
}
