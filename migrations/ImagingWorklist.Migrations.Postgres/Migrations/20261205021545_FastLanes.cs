using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FastLanes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FastLane",
                table: "Exams",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FastLaneReason",
                table: "Exams",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FastLaneSince",
                table: "Exams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstPreliminaryAt",
                table: "Exams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exams_FastLaneSince",
                table: "Exams",
                column: "FastLaneSince");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Exams_FastLaneSince",
                table: "Exams");

            migrationBuilder.DropColumn(
                name: "FastLane",
                table: "Exams");

            migrationBuilder.DropColumn(
                name: "FastLaneReason",
                table: "Exams");

            migrationBuilder.DropColumn(
                name: "FastLaneSince",
                table: "Exams");

            migrationBuilder.DropColumn(
                name: "FirstPreliminaryAt",
                table: "Exams");
        }
    }
}
