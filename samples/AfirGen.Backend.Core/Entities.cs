namespace AfirGen.Backend;

/// <summary>What the extractor found in a complaint.</summary>
/// <param name="Names">People named, in order of first mention.</param>
/// <param name="Dates">Dates mentioned, as written.</param>
/// <param name="Places">Places mentioned, as written.</param>
/// <param name="Phones">Phone numbers, digits only.</param>
public sealed record Entities(IReadOnlyList<string> Names, IReadOnlyList<string> Dates, IReadOnlyList<string> Places, IReadOnlyList<string> Phones);
