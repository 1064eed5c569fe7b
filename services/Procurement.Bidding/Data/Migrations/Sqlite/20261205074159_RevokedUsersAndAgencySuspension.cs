using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevokedUsersAndAgencySuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "Agencies",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Agencies",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevokedUsers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedUsers", x => x.UserId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevokedUsers");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Agencies");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Agencies");
        }
    }
}
