using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations.Sqlite
{
    /// <summary>
    /// The staffing plan leaves the clear: <c>Bids.Commitments</c> goes (the plan was always inside the sealed content
    /// too), and the double-counting register is rebuilt under keyed hashes. SQL cannot compute those hashes, so the
    /// old register is kept whole as <c>StaffCommitmentsBeforeSealing</c> and Bidding converts and drops it at start
    /// (<c>RegisterConversion</c>), holding the key; nothing committed before the upgrade stops counting.
    /// </summary>
    public partial class SealedStaffingPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StaffCommitments_BidId",
                table: "StaffCommitments");

            migrationBuilder.DropIndex(
                name: "IX_StaffCommitments_ContractId",
                table: "StaffCommitments");

            migrationBuilder.DropIndex(
                name: "IX_StaffCommitments_IdLookupHash",
                table: "StaffCommitments");

            migrationBuilder.DropIndex(
                name: "IX_StaffCommitments_TenderId_Kind",
                table: "StaffCommitments");

            migrationBuilder.RenameTable(
                name: "StaffCommitments",
                newName: "StaffCommitmentsBeforeSealing");

            // SQLite drops the column in place (3.35+); EF's DropColumn would rebuild Bids, which it cannot do inside the
            // migration's transaction, so a crash mid-upgrade could leave a half-applied migration.
            migrationBuilder.Sql("ALTER TABLE \"Bids\" DROP COLUMN \"Commitments\";");

            migrationBuilder.CreateTable(
                name: "StaffCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Person = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    FteHundredths = table.Column<int>(type: "INTEGER", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffCommitments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_Person",
                table: "StaffCommitments",
                column: "Person");

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_Source",
                table: "StaffCommitments",
                column: "Source");
        }

        /// <inheritdoc />
        /// <remarks>Rolling back loses the register (its rows are keyed hashes the old schema cannot hold) and leaves every bid's plaintext plan empty.</remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StaffCommitments");

            migrationBuilder.Sql("DROP TABLE IF EXISTS StaffCommitmentsBeforeSealing;");

            migrationBuilder.CreateTable(
                name: "StaffCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdLookupHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BidId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    Since = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffCommitments", x => x.Id);
                });

            migrationBuilder.AddColumn<string>(
                name: "Commitments",
                table: "Bids",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_BidId",
                table: "StaffCommitments",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_ContractId",
                table: "StaffCommitments",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_IdLookupHash",
                table: "StaffCommitments",
                column: "IdLookupHash");

            migrationBuilder.CreateIndex(
                name: "IX_StaffCommitments_TenderId_Kind",
                table: "StaffCommitments",
                columns: new[] { "TenderId", "Kind" });
        }
    }
}
