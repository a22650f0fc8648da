using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            // Exams reported before this column existed: the same minutes the domain now records at sign-off.
            migrationBuilder.Sql("""
                UPDATE "Exams" SET "TurnaroundMinutes" = GREATEST(0, FLOOR(EXTRACT(EPOCH FROM ("ReportedAt" - COALESCE("PerformedAt", "ReadyAt", "OrderedAt"))) / 60))::integer WHERE "ReportedAt" IS NOT NULL;
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
