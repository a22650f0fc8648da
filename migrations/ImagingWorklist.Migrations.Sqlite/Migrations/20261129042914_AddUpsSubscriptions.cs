using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddUpsSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpsSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AeTitle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Suspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpsSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UpsSubscriptions_Owner_AeTitle_ExamId",
                table: "UpsSubscriptions",
                columns: new[] { "Owner", "AeTitle", "ExamId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpsSubscriptions");
        }
    }
}
