using Microsoft.EntityFrameworkCore;
using Procurement.Contracting.Data;
using Procurement.ServiceDefaults.Persistence;

namespace Procurement.Contracting.Tests.Continuity;

public sealed class Continuity_model
{
    [Fact]
    public void The_continuity_tables_are_valid_for_SQL_Server()
    {
        // No server is needed to build the SQL Server model and its create script.
        using var db = SqlServerDesignTimeFactory<ContractingDb>.Create("Contracting");

        var script = db.Database.GenerateCreateScript();

        foreach (var table in new[] { "ContinuityTenders", "ContinuityPrograms", "ContinuityPayments", "ContinuityRenewalNotices" })
        {
            script.Should().Contain($"CREATE TABLE [{table}]");
        }

        script.Should().Contain("[ProcurementMethod] nvarchar(40)");
        script.Should().Contain("CREATE INDEX [IX_ContinuityTenders_PurchasingUnitId_ProcurementMethod]");
        script.Should().Contain("[Amount] decimal(18,2)");
        script.Should().Contain("CONSTRAINT [PK_ContinuityRenewalNotices] PRIMARY KEY ([ContractId])");
    }
}
