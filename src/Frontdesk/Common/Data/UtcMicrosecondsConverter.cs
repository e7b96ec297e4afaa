using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Frontdesk.Common.Data;

/// <summary>Stores an instant as microseconds since the Unix epoch (UTC): sortable, indexable, PostgreSQL's precision.</summary>
internal sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => ToMicroseconds(v),
    v => FromMicroseconds(v))
{
    public static long ToMicroseconds(DateTimeOffset v) => (v.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long v) => new(DateTimeOffset.UnixEpoch.UtcTicks + (v * 10), TimeSpan.Zero);
}
