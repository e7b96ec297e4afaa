namespace Frontdesk.Common.Startup;

/// <summary>
/// A configuration or environment problem that stops start-up. The host prints only
/// <see cref="Exception.Message"/>, one plain line that says what to fix.
/// </summary>
internal sealed class StartupProblemException : Exception
{
    public StartupProblemException(string message) : base(message) { }
    public StartupProblemException(string message, Exception inner) : base(message, inner) { }
    public StartupProblemException() { }
}
