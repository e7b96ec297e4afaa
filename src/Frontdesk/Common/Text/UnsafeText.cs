namespace Frontdesk.Common.Text;

/// <summary>Characters that make text read differently from what it is.</summary>
internal static class UnsafeText
{
    /// <summary>
    /// Unicode bidirectional controls (embeddings, overrides, isolates and marks): in a file name
    /// or subject they reorder what is shown, so "invoice&#x202E;fdp.exe" reads as "invoiceexe.pdf".
    /// </summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
