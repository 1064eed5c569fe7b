using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations
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
            migrationBuilder.DropPrimaryKey(
                name: "PK_StaffCommitments",
                table: "StaffCommitments");

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

            migrationBuilder.DropColumn(
                name: "Commitments",
                table: "Bids");

            migrationBuilder.CreateTable(
                name: "StaffCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Person = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    FteHundredths = table.Column<int>(type: "int", precision: 18, scale: 2, nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IdLookupHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    BidId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgencyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Fte = table.Column<decimal>(type: "decimal(4,2)", precision: 4, scale: 2, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffCommitments", x => x.Id);
                });

            migrationBuilder.AddColumn<string>(
                name: "Commitments",
                table: "Bids",
                type: "nvarchar(max)",
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
