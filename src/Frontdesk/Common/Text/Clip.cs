using System.Diagnostics.CodeAnalysis;

namespace Frontdesk.Common.Text;

/// <summary>
/// Cutting text from outside (mail headers, server answers) to what its column holds: at most so
/// many characters, and no NUL characters, which PostgreSQL cannot store and no reader needs.
/// </summary>
internal static class Clip
{
    /// <summary>The first <paramref name="max"/> characters of <paramref name="value"/> without NULs; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? To(string? value, int max)
    {
        if (value is null) return null;
        if (value.Contains('\0', StringComparison.Ordinal)) value = value.Replace("\0", "", StringComparison.Ordinal);
        return value.Length > max ? value[..max] : value;
    }
}
