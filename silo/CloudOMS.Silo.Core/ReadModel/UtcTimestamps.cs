using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CloudOMS.Silo.ReadModel;

/// <summary>
/// PostgreSQL keeps an instant (timestamptz) and Npgsql writes only offset-zero values: times are
/// stored as UTC and read back as UTC, the same instant. Display converts to China time as before.
/// </summary>
public sealed class UtcTimestamps() : ValueConverter<DateTimeOffset, DateTimeOffset>(value => value.ToUniversalTime(), value => value)
{
    public static void Configure(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTimestamps>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTimestamps>();
    }
}
