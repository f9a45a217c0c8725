namespace AfirGen.Backend.Web;

/// <summary>The HTTP endpoints of the FIR backend.</summary>
internal static class Endpoints
{
    public static void Map(WebApplication app, BackendOptions options, string storage, string cache)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok", storage, cache }));

        app.MapGet("/session/{id}/status", async (string id, IFirStore store, CancellationToken ct) =>
            await store.FindSessionAsync(id, ct) is { } s
                ? Results.Ok(new { session = s.SessionId, status = s.Status, fir = s.FirNumber, updatedAt = s.UpdatedAt })
                : Results.NotFound(new { error = $"no session {id}" }));

        app.MapGet("/fir/{firNumber}", async (string firNumber, IFirStore store, CancellationToken ct) =>
        {
            if (options.SlowFirDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.SlowFirDelay, ct);
            }

            return await store.FindFirAsync(firNumber, ct) is { } f
                ? Results.Ok(new { fir = f.FirNumber, session = f.SessionId, station = f.Station, status = f.Status, createdAt = f.CreatedAt })
                : Results.NotFound(new { error = $"no FIR {firNumber}" });
        });

        app.MapGet("/fir/{firNumber}/content", async (string firNumber, IFirStore store, CancellationToken ct) =>
            await store.FindFirAsync(firNumber, ct) is { } f
                ? Results.Ok(new { fir = f.FirNumber, content = f.Content })
                : Results.NotFound(new { error = $"no FIR {firNumber}" }));

        app.MapPost("/validate", (ComplaintRequest request) =>
        {
            var result = ComplaintValidator.Validate(request.Text ?? "");
            return Results.Ok(new { valid = result.IsValid, problems = result.Problems });
        });

        app.MapPost("/process", async (ComplaintRequest request, bool? cache, IDraftCache drafts, TimeProvider clock, CancellationToken ct) =>
        {
            var text = ComplaintText.Normalize(request.Text ?? "");
            var key = DraftCacheKey.For(text);
            if (cache != false && await drafts.GetAsync(key, ct) is { } cached)
            {
                return Results.Ok(new { key, cached = true, document = cached });
            }

            var draft = FirProcessor.Process(text, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (!draft.Validation.IsValid)
            {
                return Results.UnprocessableEntity(new { key, problems = draft.Validation.Problems });
            }

            if (cache != false)
            {
                await drafts.SetAsync(key, draft.Document, ct);
            }

            return Results.Ok(new { key, cached = false, sections = draft.Sections.Select(s => s.Code), document = draft.Document });
        });
    }
}
