using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgenciesAndStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    UnifiedSocialCreditCode = table.Column<string>(type: "varchar(18)", unicode: false, maxLength: 18, nullable: false),
                    RegistrationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Address = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DebarredFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    DebarredUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    DebarmentReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    DebarredBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DebarmentRecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Contacts = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SocialWorkers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IdLookupHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    IdNumberLastFour = table.Column<string>(type: "varchar(4)", unicode: false, maxLength: 4, nullable: false),
                    CertificateLevel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CertificateNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    IsSupervisor = table.Column<bool>(type: "bit", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    TrainingHours = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialWorkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialWorkers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_UnifiedSocialCreditCode",
                table: "Agencies",
                column: "UnifiedSocialCreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_AgencyId_IdLookupHash",
                table: "SocialWorkers",
                columns: new[] { "AgencyId", "IdLookupHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialWorkers_IdLookupHash",
                table: "SocialWorkers",
                column: "IdLookupHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialWorkers");

            migrationBuilder.DropTable(
                name: "Agencies");
        }
    }
}
