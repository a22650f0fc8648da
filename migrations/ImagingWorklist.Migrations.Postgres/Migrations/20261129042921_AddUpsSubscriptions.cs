using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AeTitle = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Suspended = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
