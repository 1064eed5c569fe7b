using Microsoft.AspNetCore.Builder;

namespace Procurement.ServiceDefaults.Hosting;

/// <summary>
/// What one service adds to a host and maps on it. A distributed host runs one module; the embedded
/// default runs them all in one process with the same code — the difference is configuration.
/// </summary>
/// <param name="Name">The service's name, e.g. "Tendering"; also its connection string's name.</param>
/// <param name="Add">Registers the module's services, database and consumers.</param>
/// <param name="Map">Maps the module's endpoints.</param>
public sealed record ServiceModule(string Name, Action<WebApplicationBuilder> Add, Action<WebApplication> Map);
