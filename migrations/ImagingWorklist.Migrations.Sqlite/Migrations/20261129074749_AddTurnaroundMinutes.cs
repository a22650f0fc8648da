using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddTurnaroundMinutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TurnaroundMinutes",
                table: "Exams",
                type: "INTEGER",
                nullable: true);

            // Exams reported before this column existed: the same minutes the domain now records at sign-off.
            migrationBuilder.Sql("""
                UPDATE "Exams" SET "TurnaroundMinutes" = MAX(0, ("ReportedAt" - COALESCE("PerformedAt", "ReadyAt", "OrderedAt")) / 600000000) WHERE "ReportedAt" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TurnaroundMinutes",
                table: "Exams");
        }
    }
}
