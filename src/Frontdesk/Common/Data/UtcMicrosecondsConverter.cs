using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Frontdesk.Common.Data;

/// <summary>Stores an instant as microseconds since the Unix epoch (UTC): sortable, indexable, PostgreSQL's precision.</summary>
internal sealed class UtcMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    v => ToMicroseconds(v),
    v => FromMicroseconds(v))
{
    public static long ToMicroseconds(DateTimeOffset v) => (v.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long v) => new(DateTimeOffset.UnixEpoch.UtcTicks + (v * 10), TimeSpan.Zero);

    /// <summary>Whether <paramref name="v"/> names an instant at all (a forged cursor may not).</summary>
    public static bool IsInRange(long v) =>
        v >= ToMicroseconds(DateTimeOffset.MinValue) && v <= ToMicroseconds(DateTimeOffset.MaxValue);
}

/// <summary>Instants at the precision the database keeps them.</summary>
internal static class StoredTime
{
    /// <summary>Now, cut to whole microseconds (both providers store no finer), so an answer built from memory equals a later read.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) =>
        UtcMicrosecondsConverter.FromMicroseconds(UtcMicrosecondsConverter.ToMicroseconds(clock.GetUtcNow()));
}
