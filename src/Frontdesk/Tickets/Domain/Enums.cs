namespace Frontdesk.Tickets.Domain;

/// <summary>The fixed categories every admin-named status maps to. Code reasons only about these.</summary>
public enum StatusCategory
{
    New = 0,
    Open = 1,
    Pending = 2,
    Resolved = 3,
    Closed = 4,
}

/// <summary>How the request reached the desk.</summary>
public enum Channel
{
    Email = 0,
    Portal = 1,
    Phone = 2,
    WalkIn = 3,
    Chat = 4,
    Api = 5,
    Monitoring = 6,
}

public enum TicketType
{
    Incident = 0,
    ServiceRequest = 1,
    Question = 2,
    Complaint = 3,
}

/// <summary>How many people or how much of the business is affected.</summary>
public enum Impact
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>How soon the business needs it.</summary>
public enum Urgency
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>ITIL priority: Critical is P1, Planning is P5.</summary>
public enum Priority
{
    Critical = 1,
    High = 2,
    Medium = 3,
    Low = 4,
    Planning = 5,
}
