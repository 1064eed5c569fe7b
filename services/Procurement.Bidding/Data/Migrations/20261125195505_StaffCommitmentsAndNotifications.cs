using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations
{
    /// <inheritdoc />
    public partial class StaffCommitmentsAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgencyNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "varchar(60)", unicode: false, maxLength: 60, nullable: false),
                    Arguments = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyNotifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EarlyCancellations",
                columns: table => new
                {
                    TenderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyCancellations", x => x.TenderId);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_AgencyNotifications_AgencyId_CreatedAt",
                table: "AgencyNotifications",
                columns: new[] { "AgencyId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyNotifications_AgencyId_ReadAt",
                table: "AgencyNotifications",
                columns: new[] { "AgencyId", "ReadAt" });

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgencyNotifications");

            migrationBuilder.DropTable(
                name: "EarlyCancellations");

            migrationBuilder.DropTable(
                name: "StaffCommitments");
        }
    }
}
