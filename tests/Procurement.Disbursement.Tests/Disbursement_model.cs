using Microsoft.EntityFrameworkCore;
using Procurement.Disbursement.Data;

namespace Procurement.Disbursement.Tests;

public sealed class Disbursement_model
{
    [Fact]
    public void The_disbursement_tables_are_valid_for_SQL_Server()
    {
        // No server is needed to build the SQL Server model and its create script.
        var options = new DbContextOptionsBuilder<DisbursementDb>().UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options;
        using var db = new DisbursementDb(options);

        var script = db.Database.GenerateCreateScript();

        foreach (var table in new[] { "Contracts", "Instalments", "LedgerLines", "BudgetLines", "IdempotencyRecords" })
        {
            script.Should().Contain($"CREATE TABLE [{table}]");
        }

        script.Should().Contain("CREATE UNIQUE INDEX [IX_Instalments_ContractId_Sequence]");
        script.Should().Contain("[Debit] decimal(18,2)");
        script.Should().Contain("[Percent] decimal(5,2)");
        script.Should().Contain("[Account] nvarchar(120)");
    }
}
