using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SalesOnceApproved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SalesOnceApprovedRecount.Statements("", SalesOnceApprovedRecount.ApprovedOrLater))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SalesOnceApprovedRecount.Statements("", SalesOnceApprovedRecount.NotCancelledDraftOrRejected))
                migrationBuilder.Sql(statement);
        }
    }
}
