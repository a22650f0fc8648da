using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ResearchExtracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataAccessRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ApprovalReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Cohort = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Fields = table.Column<int>(type: "integer", maxLength: 40, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Secret = table.Column<byte[]>(type: "bytea", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OptedOutPatients",
                columns: table => new
                {
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptedOutPatients", x => x.NhsNumber);
                });

            migrationBuilder.CreateTable(
                name: "ResearchExtracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    MadeBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Patients = table.Column<int>(type: "integer", nullable: false),
                    Suppressed = table.Column<int>(type: "integer", nullable: false),
                    OptedOut = table.Column<int>(type: "integer", nullable: false),
                    Unverifiable = table.Column<int>(type: "integer", nullable: false),
                    IdentifiersRemoved = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchExtracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchExtracts_DataAccessRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "DataAccessRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResearchExtractFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExtractId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResourceType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResearchExtractFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResearchExtractFiles_ResearchExtracts_ExtractId",
                        column: x => x.ExtractId,
                        principalTable: "ResearchExtracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DataAccessRequests_RequestedBy",
                table: "DataAccessRequests",
                column: "RequestedBy");

            migrationBuilder.CreateIndex(
                name: "IX_DataAccessRequests_State_CreatedAt",
                table: "DataAccessRequests",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResearchExtractFiles_ExtractId_Name",
                table: "ResearchExtractFiles",
                columns: new[] { "ExtractId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResearchExtracts_RequestId_StartedAt",
                table: "ResearchExtracts",
                columns: new[] { "RequestId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OptedOutPatients");

            migrationBuilder.DropTable(
                name: "ResearchExtractFiles");

            migrationBuilder.DropTable(
                name: "ResearchExtracts");

            migrationBuilder.DropTable(
                name: "DataAccessRequests");
        }
    }
}
