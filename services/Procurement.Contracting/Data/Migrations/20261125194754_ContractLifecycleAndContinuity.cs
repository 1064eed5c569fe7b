using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractLifecycleAndContinuity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContinuityPayments",
                columns: table => new
                {
                    InstalmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPayments", x => x.InstalmentId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityPrograms",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPrograms", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRenewalNotices",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RenewalPoint = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadTimeDays = table.Column<int>(type: "int", nullable: false),
                    HistoryCount = table.Column<int>(type: "int", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRenewalNotices", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityTenders",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProcurementMethod = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityTenders", x => x.TenderId);
                });

            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AwardId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    BidId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Kpis = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PaymentSchedule = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TermsVersion = table.Column<int>(type: "int", nullable: false),
                    PurchaserSignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PurchaserSignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AgencySignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AgencySignedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    PredecessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SuccessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SuspensionReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    TerminationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContractActivities",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    From = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Party = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    TermsVersion = table.Column<int>(type: "int", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractActivities", x => new { x.ContractId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ContractActivities_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractEvaluations",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EvaluationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Score = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Passed = table.Column<bool>(type: "bit", nullable: false),
                    EvaluatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractEvaluations", x => new { x.ContractId, x.Stage });
                    table.ForeignKey(
                        name: "FK_ContractEvaluations_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContractVersions",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Kpis = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PaymentSchedule = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReasonCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    BridgeMonths = table.Column<int>(type: "int", nullable: true),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractVersions", x => new { x.ContractId, x.Number });
                    table.ForeignKey(
                        name: "FK_ContractVersions_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPayments_ContractId",
                table: "ContinuityPayments",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPayments_ProgramId",
                table: "ContinuityPayments",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPrograms_PurchasingUnitId",
                table: "ContinuityPrograms",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityTenders_PublishedOn",
                table: "ContinuityTenders",
                column: "PublishedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityTenders_PurchasingUnitId_ProcurementMethod",
                table: "ContinuityTenders",
                columns: new[] { "PurchasingUnitId", "ProcurementMethod" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_AgencyId",
                table: "Contracts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_AwardId",
                table: "Contracts",
                column: "AwardId",
                unique: true,
                filter: "[AwardId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_ProgramId",
                table: "Contracts",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_PurchasingUnitId",
                table: "Contracts",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_State_Start",
                table: "Contracts",
                columns: new[] { "State", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_TenderId",
                table: "Contracts",
                column: "TenderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContinuityPayments");

            migrationBuilder.DropTable(
                name: "ContinuityPrograms");

            migrationBuilder.DropTable(
                name: "ContinuityRenewalNotices");

            migrationBuilder.DropTable(
                name: "ContinuityTenders");

            migrationBuilder.DropTable(
                name: "ContractActivities");

            migrationBuilder.DropTable(
                name: "ContractEvaluations");

            migrationBuilder.DropTable(
                name: "ContractVersions");

            migrationBuilder.DropTable(
                name: "Contracts");
        }
    }
}
