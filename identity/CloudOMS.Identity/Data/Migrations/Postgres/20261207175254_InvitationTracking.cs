using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Identity.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvitationTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InvitedBy",
                schema: "identity",
                table: "Invitations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                schema: "identity",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SentAt",
                schema: "identity",
                table: "Invitations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvitedBy",
                schema: "identity",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                schema: "identity",
                table: "Invitations");

            migrationBuilder.DropColumn(
                name: "SentAt",
                schema: "identity",
                table: "Invitations");
        }
    }
}
