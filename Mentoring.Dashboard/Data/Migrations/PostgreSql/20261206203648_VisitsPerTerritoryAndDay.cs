using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mentoring.Dashboard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class VisitsPerTerritoryAndDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegionVisits_UserId_RegionId",
                table: "RegionVisits");

            migrationBuilder.AddColumn<DateOnly>(
                name: "Day",
                table: "RegionVisits",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "RegionVisits",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "TerritoryId",
                table: "RegionVisits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The visits recorded so far were all of region pages (Level defaults to a region), one per user and region.
            migrationBuilder.Sql("""UPDATE "RegionVisits" SET "TerritoryId" = "RegionId", "Day" = ("SeenAt" AT TIME ZONE 'UTC')::date;""");

            migrationBuilder.CreateIndex(
                name: "IX_RegionVisits_UserId_Level_TerritoryId_Day",
                table: "RegionVisits",
                columns: new[] { "UserId", "Level", "TerritoryId", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegionVisits_UserId_Level_TerritoryId_Day",
                table: "RegionVisits");

            migrationBuilder.DropColumn(
                name: "Day",
                table: "RegionVisits");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "RegionVisits");

            migrationBuilder.DropColumn(
                name: "TerritoryId",
                table: "RegionVisits");

            migrationBuilder.CreateIndex(
                name: "IX_RegionVisits_UserId_RegionId",
                table: "RegionVisits",
                columns: new[] { "UserId", "RegionId" },
                unique: true);
        }
    }
}
