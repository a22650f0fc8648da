using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddInboundOriginal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Original",
                table: "InboundMessages",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Original",
                table: "InboundMessages");
        }
    }
}
