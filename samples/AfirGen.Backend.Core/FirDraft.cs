namespace AfirGen.Backend;

/// <summary>A FIR draft made from a complaint.</summary>
/// <param name="CacheKey">The content hash key the draft is cached under.</param>
/// <param name="Validation">The validation outcome.</param>
/// <param name="Entities">The entities found.</param>
/// <param name="Sections">The penal-code sections suggested.</param>
/// <param name="Document">The rendered draft (markdown).</param>
public sealed record FirDraft(string CacheKey, ValidationResult Validation, Entities Entities, IReadOnlyList<LegalSection> Sections, string Document);
