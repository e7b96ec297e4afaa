using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Frontdesk.Common.Http;

/// <summary>A page of a list: the items and the cursor of the next page (null on the last page).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>An opaque keyset cursor: the sort key and the id of the last row of a page.</summary>
internal readonly record struct Cursor(long Key, long Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{Key}:{Id}")));

    public static bool TryDecode(string? text, out Cursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 100) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(text); }
        catch (FormatException) { return false; }
        var parts = Encoding.ASCII.GetString(bytes).Split(':');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return false;
        cursor = new Cursor(key, id);
        return true;
    }
}

internal static class Paging
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;

    /// <summary>Clamps a requested page size; records an error for nonsense.</summary>
    public static int Limit(int? requested, Errors errors)
    {
        if (requested is null) return DefaultLimit;
        if (requested < 1 || requested > MaxLimit)
        {
            errors.Add("limit", $"limit must be between 1 and {MaxLimit}.");
            return DefaultLimit;
        }
        return requested.Value;
    }
}
