using System.Diagnostics.CodeAnalysis;

namespace Frontdesk.Common.Text;

/// <summary>Cutting text from outside (mail headers, server answers) to the length its column holds.</summary>
public static class Clip
{
    /// <summary>The first <paramref name="max"/> characters of <paramref name="value"/>; null stays null.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? To(string? value, int max) => value is not null && value.Length > max ? value[..max] : value;
}
