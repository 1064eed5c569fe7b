using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Tendering.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenewalTenderDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PrefilledFromTenderId",
                table: "Tenders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SuccessorOfContractId",
                table: "Tenders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_PrefilledFromTenderId",
                table: "Tenders",
                column: "PrefilledFromTenderId");

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_SuccessorOfContractId",
                table: "Tenders",
                column: "SuccessorOfContractId",
                unique: true,
                filter: "[SuccessorOfContractId] IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_Tenders_Tenders_PrefilledFromTenderId",
                table: "Tenders",
                column: "PrefilledFromTenderId",
                principalTable: "Tenders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tenders_Tenders_PrefilledFromTenderId",
                table: "Tenders");

            migrationBuilder.DropIndex(
                name: "IX_Tenders_PrefilledFromTenderId",
                table: "Tenders");

            migrationBuilder.DropIndex(
                name: "IX_Tenders_SuccessorOfContractId",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "PrefilledFromTenderId",
                table: "Tenders");

            migrationBuilder.DropColumn(
                name: "SuccessorOfContractId",
                table: "Tenders");
        }
    }
}
