using Procurement.Testing.Platform;

namespace Procurement.Acceptance.Tests.Steps;

/// <summary>
/// The demo users of a scenario, signed in to the embedded platform that runs on a <see cref="ShiftedClock"/>: one client
/// per user, kept until the clock moves — tokens are issued and checked on that clock, so everybody signs in again after.
/// </summary>
internal sealed class SignedInUsers(IPlatform platform, ShiftedClock clock) : IDisposable
{
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly List<HttpClient> _retired = [];

    /// <summary>Today on the platform's clock, in Beijing.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Moves the platform's clock; tokens were issued on the old time, so everybody signs in again.</summary>
    public void Advance(TimeSpan by)
    {
        clock.Advance(by);
        _retired.AddRange(_clients.Values);
        _clients.Clear();
    }

    public async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = _clients[userName] = await platform.SignedInClientAsync(userName);
        }

        return client;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Concat(_retired))
        {
            client.Dispose();
        }
    }
}
