using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Bidding.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenTenderContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing rows get valid JSON and the Open status, not the empty strings EF would write: the converters parse every row.
            migrationBuilder.DropIndex(
                name: "IX_OpenTenders_BidDeadline",
                table: "OpenTenders");

            migrationBuilder.AddColumn<decimal>(
                name: "BidSecurity",
                table: "OpenTenders",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "OpenTenders",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "OpenTenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "OpenTenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Eligibility",
                table: "OpenTenders",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<bool>(
                name: "FixedPrice",
                table: "OpenTenders",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PersonnelCost",
                table: "OpenTenders",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProcurementMethod",
                table: "OpenTenders",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Staffing",
                table: "OpenTenders",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "{\"certifiedSocialWorkers\":0,\"intermediateOrAbove\":0,\"supervisors\":0}");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OpenTenders",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.CreateIndex(
                name: "IX_OpenTenders_Status_BidDeadline",
                table: "OpenTenders",
                columns: new[] { "Status", "BidDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OpenTenders_Status_BidDeadline",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "BidSecurity",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "Eligibility",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "FixedPrice",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "PersonnelCost",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "ProcurementMethod",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "Staffing",
                table: "OpenTenders");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "OpenTenders");

            migrationBuilder.CreateIndex(
                name: "IX_OpenTenders_BidDeadline",
                table: "OpenTenders",
                column: "BidDeadline");
        }
    }
}
