namespace AfirGen.Backend;

/// <summary>An intake session: a complainant talking to the system until a FIR exists.</summary>
/// <param name="SessionId">Its id.</param>
/// <param name="Status">Its state: "collecting", "validating" or "completed".</param>
/// <param name="FirNumber">The FIR it produced, once completed.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record SessionRecord(string SessionId, string Status, string? FirNumber, DateTimeOffset UpdatedAt);
