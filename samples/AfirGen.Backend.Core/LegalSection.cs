namespace AfirGen.Backend;

/// <summary>A section of the penal code that a complaint may fall under.</summary>
/// <param name="Code">The section, e.g. "BNS 303".</param>
/// <param name="Title">Its title, e.g. "Theft".</param>
public sealed record LegalSection(string Code, string Title);
