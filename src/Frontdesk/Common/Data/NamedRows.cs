using System.Globalization;

namespace Frontdesk.Common.Data;

/// <summary>Finding a row that people name either by its id ("3") or by its name ("Service Desk").</summary>
internal static class NamedRows
{
    public static (long Id, string Name)? Find(IReadOnlyDictionary<long, string> names, string key)
    {
        if (long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return names.TryGetValue(id, out var name) ? (id, name) : null;
        }
        var trimmed = key.Trim();
        foreach (var (candidate, name) in names)
        {
            if (string.Equals(name, trimmed, StringComparison.Ordinal)) return (candidate, name);
        }
        return null;
    }
}
