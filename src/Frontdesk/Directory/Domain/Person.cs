namespace Frontdesk.Directory.Domain;

/// <summary>
/// Someone the desk knows: an employee who asks for help, or an agent who gives it.
/// A person may or may not have a sign-in account.
/// </summary>
internal sealed class Person
{
    public long Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Primary e-mail, stored lower-case; unique.</summary>
    public required string Email { get; set; }

    /// <summary>Further addresses the person writes from, comma separated, lower-case.</summary>
    public string? OtherEmails { get; set; }

    /// <summary>As written ("030 901820", "+1 (312) 555-0100", "ext. 4711").</summary>
    public string? Phone { get; set; }
    public string? MobilePhone { get; set; }

    /// <summary>The numbers in E.164 ("+4930901820"), for matching a caller whatever the written form; null when the text is no number.</summary>
    public string? PhoneE164 { get; set; }
    public string? MobilePhoneE164 { get; set; }
    public long? OrganizationId { get; set; }
    public long? DepartmentId { get; set; }
    public long? SiteId { get; set; }

    /// <summary>IANA time zone the person works in.</summary>
    public string TimeZone { get; set; } = Common.TimeZones.Unset;

    public long? ManagerId { get; set; }
    public bool IsVip { get; set; }

    /// <summary>Set when mail to <see cref="Email"/> bounced: agents see that the address fails.</summary>
    public DateTimeOffset? EmailFailingSince { get; set; }
    public string? EmailFailure { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
