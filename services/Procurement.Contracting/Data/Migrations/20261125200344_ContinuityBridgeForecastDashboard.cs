using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContinuityBridgeForecastDashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContinuityBridgeProposals",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Months = table.Column<int>(type: "int", nullable: false),
                    MonthlyRate = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ExtensionStart = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedSuccessorStart = table.Column<DateOnly>(type: "date", nullable: false),
                    CoversExpectedGap = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DeclineReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityBridgeProposals", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityLateInstalments",
                columns: table => new
                {
                    InstalmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PayBy = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityLateInstalments", x => x.InstalmentId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRiskNotices",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpectedSigning = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRiskNotices", x => x.ContractId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityBridgeProposals_PurchasingUnitId",
                table: "ContinuityBridgeProposals",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityLateInstalments_ContractId",
                table: "ContinuityLateInstalments",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityRiskNotices_PurchasingUnitId",
                table: "ContinuityRiskNotices",
                column: "PurchasingUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContinuityBridgeProposals");

            migrationBuilder.DropTable(
                name: "ContinuityLateInstalments");

            migrationBuilder.DropTable(
                name: "ContinuityRiskNotices");
        }
    }
}
