using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Tendering.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenderOutcomesAndSingleSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AwardedAgencyId",
                table: "Tenders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "AwardedAmount",
                table: "Tenders",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AwardedBidId",
                table: "Tenders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                table: "Tenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EvaluationStartedAt",
                table: "Tenders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "Tenders",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PredecessorContractId",
                table: "Tenders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SingleSourceJustification",
                table: "Tenders",
                type: "nvarchar(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwardedAgencyId",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "AwardedAmount",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "AwardedBidId",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "EvaluationStartedAt",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "PredecessorContractId",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "SingleSourceJustification",
                table: "Tenders");
        }
    }
}
