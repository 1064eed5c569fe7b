using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Disbursement.Data;

/// <summary>
/// Disbursement's own database. Until its capabilities land it holds the outbox and inbox every service has,
/// so the service already takes part in the platform's messaging and health checks.
/// </summary>
public sealed class DisbursementDb(DbContextOptions<DisbursementDb> options) : ServiceDbContext(options);

/// <summary>For <c>dotnet ef</c>: the SQL Server model, without a server.</summary>
public sealed class DisbursementDbDesignTimeFactory : SqlServerDesignTimeFactory<DisbursementDb>;
