using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CloudOMS.Silo.ReadModel.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SalesOnceApproved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SalesOnceApprovedRecount.Statements("\"readmodel\".", SalesOnceApprovedRecount.ApprovedOrLater))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SalesOnceApprovedRecount.Statements("\"readmodel\".", SalesOnceApprovedRecount.NotCancelledDraftOrRejected))
                migrationBuilder.Sql(statement);
        }
    }
}
