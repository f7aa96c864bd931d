using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CloudOMS.Storage;

/// <summary>
/// How every CloudOMS database (read model, identity, billing) stores an instant. PostgreSQL keeps an instant
/// (timestamptz) and Npgsql writes only offset-zero values: instants are stored as UTC and read back as UTC, the same
/// instant (display converts to China time). SQLite has no instant type: they are stored as a binary number it can
/// sort and compare.
/// </summary>
public static class StoredInstants
{
    public static void Configure(ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        if (database.IsNpgsql())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<UtcInstant>();
            builder.Properties<DateTimeOffset?>().HaveConversion<UtcInstant>();
        }
        else if (database.IsSqlite())
        {
            builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            builder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>The same instant at offset zero, as Npgsql writes timestamptz.</summary>
    public sealed class UtcInstant() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value);
}
