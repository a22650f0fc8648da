using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
