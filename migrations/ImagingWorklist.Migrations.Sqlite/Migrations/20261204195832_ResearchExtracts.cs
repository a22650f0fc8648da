using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ImagingWorklist.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ApprovalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cohort = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Fields = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Secret = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OptedOutPatients",
                columns: table => new
                {
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OptedOutPatients", x => x.NhsNumber);
                });

            migrationBuilder.CreateTable(
                name: "ResearchExtracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MadeBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Patients = table.Column<int>(type: "INTEGER", nullable: false),
                    Suppressed = table.Column<int>(type: "INTEGER", nullable: false),
                    OptedOut = table.Column<int>(type: "INTEGER", nullable: false),
                    Unverifiable = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentifiersRemoved = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExtractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
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
