using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SqliteBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContinuityBridgeProposals",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Months = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ExtensionStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedSuccessorStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CoversExpectedGap = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityBridgeProposals", x => new { x.ContractId, x.End });
                });

            migrationBuilder.CreateTable(
                name: "ContinuityGapWatches",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpenSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastGapDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JudgedThrough = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityGapWatches", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityLateInstalments",
                columns: table => new
                {
                    InstalmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityLateInstalments", x => x.InstalmentId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityPayments",
                columns: table => new
                {
                    InstalmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPayments", x => x.InstalmentId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityPrograms",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityPrograms", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRenewalDecisions",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedPath = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuccessorStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuccessorEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    SuccessorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TenderDraftedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TenderNotDraftedReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRenewalDecisions", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRenewalNotices",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RenewalPoint = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRenewalNotices", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "ContinuityRiskNotices",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpectedSigning = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysLate = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityRiskNotices", x => new { x.ContractId, x.End });
                });

            migrationBuilder.CreateTable(
                name: "ContinuityTenders",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcurementMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContinuityTenders", x => x.TenderId);
                });

            migrationBuilder.CreateTable(
                name: "ContractNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TextZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PurchasingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BidId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kpis = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentSchedule = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentTermDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TermsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    PurchaserSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PurchaserSignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencySignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AgencySignedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    PredecessorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SuccessorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SuccessorSignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DispatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContractActivities",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TermsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EvaluationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    EvaluatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kpis = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentSchedule = table.Column<string>(type: "TEXT", nullable: false),
                    PaymentTermDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BridgeMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_ContinuityBridgeProposals_PurchasingUnitId",
                table: "ContinuityBridgeProposals",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityGapWatches_PurchasingUnitId",
                table: "ContinuityGapWatches",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityLateInstalments_ContractId",
                table: "ContinuityLateInstalments",
                column: "ContractId");

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
                name: "IX_ContinuityRenewalDecisions_PurchasingUnitId",
                table: "ContinuityRenewalDecisions",
                column: "PurchasingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityRiskNotices_PurchasingUnitId",
                table: "ContinuityRiskNotices",
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
                name: "IX_ContractNotifications_ContractId",
                table: "ContractNotifications",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractNotifications_OrganisationId_CreatedAt",
                table: "ContractNotifications",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractNotifications_OrganisationId_ReadAt",
                table: "ContractNotifications",
                columns: new[] { "OrganisationId", "ReadAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DispatchedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "DispatchedAt", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContinuityBridgeProposals");

            migrationBuilder.DropTable(
                name: "ContinuityGapWatches");

            migrationBuilder.DropTable(
                name: "ContinuityLateInstalments");

            migrationBuilder.DropTable(
                name: "ContinuityPayments");

            migrationBuilder.DropTable(
                name: "ContinuityPrograms");

            migrationBuilder.DropTable(
                name: "ContinuityRenewalDecisions");

            migrationBuilder.DropTable(
                name: "ContinuityRenewalNotices");

            migrationBuilder.DropTable(
                name: "ContinuityRiskNotices");

            migrationBuilder.DropTable(
                name: "ContinuityTenders");

            migrationBuilder.DropTable(
                name: "ContractActivities");

            migrationBuilder.DropTable(
                name: "ContractEvaluations");

            migrationBuilder.DropTable(
                name: "ContractNotifications");

            migrationBuilder.DropTable(
                name: "ContractVersions");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Contracts");
        }
    }
}
