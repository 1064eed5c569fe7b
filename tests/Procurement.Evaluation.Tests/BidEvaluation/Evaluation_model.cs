using Microsoft.EntityFrameworkCore;
using Procurement.Evaluation.Data;

namespace Procurement.Evaluation.Tests.BidEvaluation;

public sealed class Evaluation_model
{
    [Fact]
    public void The_bid_evaluation_tables_are_valid_for_SQL_Server()
    {
        // No server is needed to build the SQL Server model and its create script.
        var options = new DbContextOptionsBuilder<EvaluationDb>().UseSqlServer("Server=none;Database=none;Trusted_Connection=True").Options;
        using var db = new EvaluationDb(options);

        var script = db.Database.GenerateCreateScript();

        foreach (var table in new[] { "Experts", "ExpertConflicts", "ProgramDomains", "EvaluatedTenders", "EvaluatedBids", "Panels", "ScoreSheets" })
        {
            script.Should().Contain($"CREATE TABLE [{table}]");
        }

        script.Should().Contain("CREATE UNIQUE INDEX [IX_Panels_TenderId]");
        script.Should().Contain("CREATE UNIQUE INDEX [IX_ScoreSheets_BidId_EvaluatorUserId]");
        script.Should().Contain("[EvaluatorUserId] nvarchar(100)");
    }
}
