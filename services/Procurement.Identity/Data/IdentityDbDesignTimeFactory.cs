using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Procurement.Identity.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server model without a host or a server: migrations are SQL Server
/// only (SQLite databases are created from the model), and adding or scripting one needs no connection.
/// </summary>
public sealed class IdentityDbDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDb>()
            .UseSqlServer("Server=localhost;Database=procurement_identity;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
