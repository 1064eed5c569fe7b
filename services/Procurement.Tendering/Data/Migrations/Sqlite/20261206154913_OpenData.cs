using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Tendering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OcdsContracts",
                columns: table => new
                {
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ocid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AwardId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    BuyerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcdsContracts", x => x.ContractId);
                });

            migrationBuilder.CreateTable(
                name: "OcdsParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcdsParties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OcdsReleases",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Ocid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReleaseId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Date = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OcdsReleases", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OcdsReleases_Date_Sequence",
                table: "OcdsReleases",
                columns: new[] { "Date", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_OcdsReleases_Ocid_ReleaseId",
                table: "OcdsReleases",
                columns: new[] { "Ocid", "ReleaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OcdsReleases_Year_Date_Sequence",
                table: "OcdsReleases",
                columns: new[] { "Year", "Date", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OcdsContracts");

            migrationBuilder.DropTable(
                name: "OcdsParties");

            migrationBuilder.DropTable(
                name: "OcdsReleases");
        }
    }
}
