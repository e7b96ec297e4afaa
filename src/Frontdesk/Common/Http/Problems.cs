using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Frontdesk.Common.Http;

/// <summary>RFC 9457 problem responses that say what to fix.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The request has invalid fields.");

    public static ValidationProblem Invalid(Errors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} does not exist or you may not see it.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Stale(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The ticket changed since you read it", detail: detail);
}

/// <summary>Collects field errors; empty means valid.</summary>
internal sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Parses an enum value given in any case, with or without dashes ("walk-in", "WalkIn").</summary>
    public TEnum? Enum<TEnum>(string field, string? value) where TEnum : struct, System.Enum
    {
        if (value is null) return null;
        var key = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        if (!int.TryParse(key, out _) && System.Enum.TryParse<TEnum>(key, ignoreCase: true, out var parsed)) return parsed;
        Add(field, $"'{value}' is not one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(EnumText.Of))}.");
        return null;
    }
}

internal static class EnumText
{
    /// <summary>The wire form of an enum name: kebab-case, lower ("WalkIn" → "walk-in").</summary>
    public static string Of(string name) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    public static string Of<TEnum>(TEnum value) where TEnum : struct, System.Enum => Of(value.ToString());
}
