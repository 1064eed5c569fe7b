using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations
{
    /// <inheritdoc />
    public partial class BidSealingSuite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Suite",
                table: "TenderDataKeys",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: false,
                defaultValue: "std-1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Suite",
                table: "TenderDataKeys");
        }
    }
}
