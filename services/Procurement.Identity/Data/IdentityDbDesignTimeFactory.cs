using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Identity.Data;

/// <summary>For <c>dotnet ef</c>: the model of either provider, without a database.</summary>
public sealed class IdentityDbDesignTimeFactory : ServiceDesignTimeFactory<IdentityDb>;
