namespace AfirGen.Backend;

/// <summary>A registered FIR.</summary>
/// <param name="FirNumber">Its number, e.g. "FIR-2024-42".</param>
/// <param name="SessionId">The intake session it came from.</param>
/// <param name="Station">The police station.</param>
/// <param name="Status">Its state: "draft", "registered" or "closed".</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Content">The rendered document.</param>
public sealed record FirRecord(string FirNumber, string SessionId, string Station, string Status, DateTimeOffset CreatedAt, string Content);
