using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Procurement.Tendering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurableDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PublishedAt",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeadLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Endpoint = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplayedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Replays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeadLetters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeadLetters_MessageId_Consumer",
                table: "DeadLetters",
                columns: new[] { "MessageId", "Consumer" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeadLetters");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "OutboxMessages");
        }
    }
}
