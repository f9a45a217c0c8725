namespace AfirGen.Backend;

/// <summary>Turns a complaint into a FIR draft: normalise, extract, validate, map sections, render.</summary>
public static class FirProcessor
{
    /// <summary>The draft of <paramref name="complaint"/>, reported on <paramref name="reportedOn"/>.</summary>
    public static FirDraft Process(string complaint, DateOnly reportedOn)
    {
        var text = ComplaintText.Normalize(complaint);
        var entities = EntityExtractor.Extract(text);
        var sections = LegalSectionMapper.Map(text);
        var document = FirRenderer.Render(text, entities, sections, reportedOn);
        return new FirDraft(DraftCacheKey.For(text), ComplaintValidator.Validate(text, entities), entities, sections, document);
    }
}
