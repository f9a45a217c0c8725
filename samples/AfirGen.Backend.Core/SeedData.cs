using System.Globalization;

namespace AfirGen.Backend;

/// <summary>Deterministic demo data: FIRs numbered FIR-2024-1 onwards, each with its session S-1 onwards.</summary>
public static class SeedData
{
    /// <summary>How many FIRs and sessions the backend seeds by default.</summary>
    public const int DefaultCount = 500;

    private static readonly string[] Names = ["Ravi Kumar", "Anita Sharma", "Mohan Das", "Priya Nair", "Suresh Patel"];
    private static readonly string[] Places = ["Central Market", "Gandhi Nagar", "Railway Station Road", "Lake View Colony", "Old Bus Stand"];
    private static readonly string[] Incidents =
    [
        "stole my mobile phone and wallet",
        "threatened me and tried to snatch my chain",
        "committed fraud by taking money for a job that did not exist",
        "broke into my house and took jewellery",
        "hit me and caused an assault near the shop",
    ];

    /// <summary>The complaint text of seed row <paramref name="n"/> (1-based).</summary>
    public static string Complaint(int n)
    {
        var day = (n % 28) + 1;
        var phone = 9_000_000_000L + (n * 7919L % 1_000_000_000L);
        return string.Create(CultureInfo.InvariantCulture,
            $"On {day:00}/03/2024 at about 9 pm, a man known to Mr. {Names[n % Names.Length]} {Incidents[n % Incidents.Length]} at {Places[n % Places.Length]}. "
            + $"I, Smt. {Names[(n + 2) % Names.Length]}, reached the spot and called the police from {phone}. Witnesses were present in {Places[(n + 1) % Places.Length]}.");
    }

    /// <summary>The FIR number of seed row <paramref name="n"/>.</summary>
    public static string FirNumber(int n) => string.Create(CultureInfo.InvariantCulture, $"FIR-2024-{n}");

    /// <summary>The session id of seed row <paramref name="n"/>.</summary>
    public static string SessionId(int n) => string.Create(CultureInfo.InvariantCulture, $"S-{n}");

    /// <summary>Seed FIRs and sessions, <paramref name="count"/> of each.</summary>
    public static (IReadOnlyList<FirRecord> Firs, IReadOnlyList<SessionRecord> Sessions) Create(int count)
    {
        var created = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var firs = new List<FirRecord>(count);
        var sessions = new List<SessionRecord>(count);
        for (var n = 1; n <= count; n++)
        {
            var at = created.AddMinutes(n * 17);
            var draft = FirProcessor.Process(Complaint(n), DateOnly.FromDateTime(at.UtcDateTime));
            firs.Add(new FirRecord(FirNumber(n), SessionId(n), Places[n % Places.Length] + " Police Station", n % 3 == 0 ? "closed" : "registered", at, draft.Document));
            sessions.Add(new SessionRecord(SessionId(n), "completed", FirNumber(n), at));
        }

        return (firs, sessions);
    }
}
