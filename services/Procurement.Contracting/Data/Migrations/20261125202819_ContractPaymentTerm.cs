using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractPaymentTerm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Contracts and versions already stored carry the national default term (DOMAIN.md §9: 30 days).
            migrationBuilder.AddColumn<int>(
                name: "PaymentTermDays",
                table: "ContractVersions",
                type: "int",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<int>(
                name: "PaymentTermDays",
                table: "Contracts",
                type: "int",
                nullable: false,
                defaultValue: 30);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PaymentTermDays",
                table: "ContractVersions");

            migrationBuilder.DropColumn(
                name: "PaymentTermDays",
                table: "Contracts");
        }
    }
}
