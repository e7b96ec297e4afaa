using Microsoft.AspNetCore.Http;

namespace Frontdesk.Common.Http;

/// <summary>
/// A use case refused the request. Handlers throw these; one exception handler turns them into
/// RFC 9457 problem details, and screens show <see cref="Exception.Message"/>.
/// </summary>
internal abstract class RequestRejectedException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>What to fix, one sentence each, for a page to list.</summary>
    public virtual IReadOnlyList<string> Messages => [Message];
}

internal sealed class ValidationFailedException(Errors errors)
    : RequestRejectedException(StatusCodes.Status400BadRequest, "The request has invalid fields.",
        string.Join(" ", errors.ToDictionary().SelectMany(kv => kv.Value)))
{
    public Errors Errors { get; } = errors;

    public override IReadOnlyList<string> Messages => Errors.ToDictionary().SelectMany(kv => kv.Value).ToList();

    public static ValidationFailedException For(string field, string message)
    {
        var errors = new Errors();
        errors.Add(field, message);
        return new ValidationFailedException(errors);
    }
}

internal sealed class ForbiddenException(string detail)
    : RequestRejectedException(StatusCodes.Status403Forbidden, "Forbidden", detail);

internal sealed class NotFoundException(string what)
    : RequestRejectedException(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist or you may not see it.");

internal sealed class ConflictException(string detail)
    : RequestRejectedException(StatusCodes.Status409Conflict, "Conflict", detail);

internal sealed class StaleException(string detail)
    : RequestRejectedException(StatusCodes.Status412PreconditionFailed, "Changed since you read it", detail);
