using System.Text.Json;

namespace AfirGen.PerfGate.MySql;

/// <summary>Reads an <c>EXPLAIN FORMAT=JSON</c> plan and names the tables it reads in full.</summary>
public static class ExplainCheck
{
    /// <summary>Whether EXPLAIN can be asked about the statement (SELECT, UPDATE, DELETE and their WITH forms).</summary>
    public static bool Applies(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var head = sql.TrimStart(' ', '\t', '\r', '\n', '(');
        return head.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || head.StartsWith("WITH", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || head.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The tables read with <c>"access_type": "ALL"</c> (a full table scan), in plan order.</summary>
    public static IReadOnlyList<string> FullScans(string planJson)
    {
        using var plan = JsonDocument.Parse(planJson);
        var tables = new List<string>();
        Walk(plan.RootElement, tables);
        return tables;
    }

    private static void Walk(JsonElement e, List<string> tables)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Walk(item, tables);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (e.TryGetProperty("access_type", out var access) && access.ValueKind == JsonValueKind.String && access.GetString() == "ALL")
        {
            tables.Add(e.TryGetProperty("table_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "?");
        }

        foreach (var property in e.EnumerateObject())
        {
            Walk(property.Value, tables);
        }
    }
}
