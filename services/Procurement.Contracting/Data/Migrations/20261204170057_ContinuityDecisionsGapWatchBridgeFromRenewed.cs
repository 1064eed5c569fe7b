using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContinuityDecisionsGapWatchBridgeFromRenewed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ContinuityRiskNotices",
                table: "ContinuityRiskNotices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ContinuityBridgeProposals",
                table: "ContinuityBridgeProposals");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuccessorSignedAt",
                table: "Contracts",
                type: "datetimeoffset",
                nullable: true);

            // Renewed contracts whose successor both parties signed before this column existed: the later signature.
            migrationBuilder.Sql(
                """
                UPDATE c SET SuccessorSignedAt =
                    CASE WHEN s.PurchaserSignedAt > s.AgencySignedAt THEN s.PurchaserSignedAt ELSE s.AgencySignedAt END
                FROM Contracts c JOIN Contracts s ON s.Id = c.SuccessorId
                WHERE s.PurchaserSignedAt IS NOT NULL AND s.AgencySignedAt IS NOT NULL;
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContinuityRiskNotices",
                table: "ContinuityRiskNotices",
                columns: new[] { "ContractId", "End" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContinuityBridgeProposals",
                table: "ContinuityBridgeProposals",
                columns: new[] { "ContractId", "End" });

            migrationBuilder.CreateTable(
                name: "ContinuityGapWatches",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpenSince = table.Column<DateOnly>(type: "date", nullable: true),
                    LastGapDay = table.Column<DateOnly>(type: "date", nullable: true),
                    Cause = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    JudgedThrough = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityGapWatches", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRenewalDecisions",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposedPath = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Path = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SuccessorStart = table.Column<DateOnly>(type: "date", nullable: false),
                    SuccessorEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    SuccessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TenderDraftedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRenewalDecisions", x => x.ContractId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityGapWatches_PurchasingUnitId",
                table: "ContinuityGapWatches",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityRenewalDecisions_PurchasingUnitId",
                table: "ContinuityRenewalDecisions",
                column: "PurchasingUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContinuityGapWatches");

            migrationBuilder.DropTable(
                name: "ContinuityRenewalDecisions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ContinuityRiskNotices",
                table: "ContinuityRiskNotices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ContinuityBridgeProposals",
                table: "ContinuityBridgeProposals");

            migrationBuilder.DropColumn(
                name: "SuccessorSignedAt",
                table: "Contracts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContinuityRiskNotices",
                table: "ContinuityRiskNotices",
                column: "ContractId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContinuityBridgeProposals",
                table: "ContinuityBridgeProposals",
                column: "ContractId");
        }
    }
}
