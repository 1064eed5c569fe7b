using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BidIndexesForTheRush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bids_AgencyId_TenderId",
                table: "Bids");

            migrationBuilder.DropIndex(
                name: "IX_Bids_TenderId_AgencyId",
                table: "Bids");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_Withdrawn_AgencyId_TenderId",
                table: "Bids",
                columns: new[] { "AgencyId", "TenderId" },
                filter: "[Status] = 'Withdrawn'");

            migrationBuilder.CreateIndex(
                name: "UX_Bids_Live_AgencyId_TenderId",
                table: "Bids",
                columns: new[] { "AgencyId", "TenderId" },
                unique: true,
                filter: "[Status] <> 'Withdrawn'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Bids_Withdrawn_AgencyId_TenderId",
                table: "Bids");

            migrationBuilder.DropIndex(
                name: "UX_Bids_Live_AgencyId_TenderId",
                table: "Bids");

            migrationBuilder.CreateIndex(
                name: "IX_Bids_AgencyId_TenderId",
                table: "Bids",
                columns: new[] { "AgencyId", "TenderId" });

            migrationBuilder.CreateIndex(
                name: "IX_Bids_TenderId_AgencyId",
                table: "Bids",
                columns: new[] { "TenderId", "AgencyId" },
                unique: true,
                filter: "[Status] <> 'Withdrawn'");
        }
    }
}
