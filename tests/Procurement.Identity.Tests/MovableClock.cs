namespace Procurement.Identity.Tests;

/// <summary>The system clock, moved forward by hand: the host's TimeProvider, so cookies, delays and OpenIddict's token lifetimes all see it.</summary>
internal sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
}
