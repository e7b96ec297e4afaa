namespace Frontdesk.Common;

/// <summary>
/// A module's domain rule refused a change (a status move, a closed ticket): the request is valid,
/// the state forbids it. Answered 409 with <see cref="Field"/> naming what to fix.
/// </summary>
internal abstract class RuleException : Exception
{
    protected RuleException(string field, string message) : base(message) => Field = field;
    protected RuleException() => Field = "";
    protected RuleException(string message) : base(message) => Field = "";
    protected RuleException(string message, Exception inner) : base(message, inner) => Field = "";

    public string Field { get; }

    /// <summary>The problem's title ("The ticket's workflow does not allow this.").</summary>
    public abstract string Title { get; }
}
