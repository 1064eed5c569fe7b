using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Contracting.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "ContinuityPrograms",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceDomain",
                table: "ContinuityPrograms",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContinuityPrograms_Region_ServiceDomain",
                table: "ContinuityPrograms",
                columns: new[] { "Region", "ServiceDomain" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContinuityPrograms_Region_ServiceDomain",
                table: "ContinuityPrograms");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "ContinuityPrograms");

            migrationBuilder.DropColumn(
                name: "ServiceDomain",
                table: "ContinuityPrograms");
        }
    }
}
