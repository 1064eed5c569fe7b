using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyRegistrationUsersAndRevocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Organisations",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AwaitingConfirmationSince",
                table: "Organisations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRepresentative",
                table: "Organisations",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationAuthority",
                table: "Organisations",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RegistrationDate",
                table: "Organisations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SuspendedAt",
                table: "Organisations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "Organisations",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "OrganisationAudit",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "AspNetUsers",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RevokedUsers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevokedUsers", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationAudit_UserId_At",
                table: "OrganisationAudit",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevokedUsers");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationAudit_UserId_At",
                table: "OrganisationAudit");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "AwaitingConfirmationSince",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "LegalRepresentative",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RegistrationAuthority",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "RegistrationDate",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "OrganisationAudit");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "AspNetUsers");
        }
    }
}
