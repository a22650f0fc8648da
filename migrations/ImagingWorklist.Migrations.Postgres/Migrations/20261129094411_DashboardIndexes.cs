using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exams_ReportedAt",
                table: "Exams");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SignedAt",
                table: "Reports",
                column: "SignedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports",
                column: "SubmittedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_VerifiedAt",
                table: "Reports",
                column: "VerifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Exams_ReportedAt",
                table: "Exams",
                column: "ReportedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "TrustId", "Pathway", "Modality", "State", "DueAt", "TurnaroundMinutes", "PerformedAt", "ReadyAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_SignedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_SubmittedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_VerifiedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Exams_ReportedAt",
                table: "Exams");

            migrationBuilder.CreateIndex(
                name: "IX_Exams_ReportedAt",
                table: "Exams",
                column: "ReportedAt");
        }
    }
}
