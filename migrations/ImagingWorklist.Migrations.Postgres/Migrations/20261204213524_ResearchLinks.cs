using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResearchLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LinkedToId",
                table: "DataAccessRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataAccessRequests_LinkedToId",
                table: "DataAccessRequests",
                column: "LinkedToId");

            migrationBuilder.AddForeignKey(
                name: "FK_DataAccessRequests_DataAccessRequests_LinkedToId",
                table: "DataAccessRequests",
                column: "LinkedToId",
                principalTable: "DataAccessRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DataAccessRequests_DataAccessRequests_LinkedToId",
                table: "DataAccessRequests");

            migrationBuilder.DropIndex(
                name: "IX_DataAccessRequests_LinkedToId",
                table: "DataAccessRequests");

            migrationBuilder.DropColumn(
                name: "LinkedToId",
                table: "DataAccessRequests");
        }
    }
}
