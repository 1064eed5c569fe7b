using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Tendering.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenderContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing rows get valid JSON ("[]"), not the empty string EF would write: the converters parse every row.
            migrationBuilder.AddColumn<decimal>(
                name: "BidSecurity",
                table: "Tenders",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BiddingClosedAt",
                table: "Tenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "Tenders",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "Tenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Eligibility",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "EvaluationScheme",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kpis",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "Tenders",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaymentSchedule",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonnelCost",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffingRequirement",
                table: "Tenders",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BidSecurity",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "BiddingClosedAt",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "Eligibility",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "EvaluationScheme",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "Kpis",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "PaymentSchedule",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "PersonnelCost",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "StaffingRequirement",
                table: "Tenders");
        }
    }
}
