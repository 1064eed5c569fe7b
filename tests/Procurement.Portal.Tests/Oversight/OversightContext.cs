using Microsoft.Extensions.DependencyInjection;
using Procurement.Portal.Tests.Purchaser;

namespace Procurement.Portal.Tests.Oversight;

/// <summary>The portal's bUnit context with a fixed clock, logging, and each API client a test registers as an <see cref="ApiFake"/>.</summary>
public abstract class OversightContext : PurchaserContext
{
    public static readonly DateTimeOffset Now = new(2027, 3, 2, 2, 0, 0, TimeSpan.Zero);

    protected OversightContext()
    {
        Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        Services.AddLogging();
    }

    /// <summary>Registers a fake of the client interface and returns it to be told what to answer.</summary>
    protected ApiFake Fake<T>()
        where T : class
    {
        var (client, fake) = ApiFake.Of<T>();
        Services.AddSingleton(client);
        return fake;
    }
}
