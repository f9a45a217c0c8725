using BenchmarkDotNet.Attributes;

namespace AfirGen.Backend.Benchmarks;

/// <summary>The hot code of POST /validate and POST /process, one step a benchmark, on a typical complaint.</summary>
[MemoryDiagnoser]
public class DraftBenchmarks
{
    private static readonly DateOnly ReportedOn = new(2024, 3, 15);
    private readonly string _raw = SeedData.Complaint(42) + "  The accused\tthreatened to return. " + SeedData.Complaint(7);
    private string _text = "";
    private Entities _entities = new([], [], [], []);
    private IReadOnlyList<LegalSection> _sections = [];

    /// <summary>Prepares the normalised text and its entities once, so each benchmark measures one step.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = ComplaintText.Normalize(_raw);
        _entities = EntityExtractor.Extract(_text);
        _sections = LegalSectionMapper.Map(_text);
    }

    /// <summary>Text normalisation.</summary>
    [Benchmark]
    public string Normalize() => ComplaintText.Normalize(_raw);

    /// <summary>Entity extraction with the four regular expressions.</summary>
    [Benchmark]
    public Entities ExtractEntities() => EntityExtractor.Extract(_text);

    /// <summary>Validation of an already extracted complaint.</summary>
    [Benchmark]
    public ValidationResult Validate() => ComplaintValidator.Validate(_text, _entities);

    /// <summary>Rendering the markdown document.</summary>
    [Benchmark]
    public string Render() => FirRenderer.Render(_text, _entities, _sections, ReportedOn);

    /// <summary>The SHA-256 cache key of the draft.</summary>
    [Benchmark]
    public string CacheKey() => DraftCacheKey.For(_text);
}
