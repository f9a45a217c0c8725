using System.Globalization;
using System.Text.Json;

namespace AfirGen.PerfGate.IO;

/// <summary>A JSON value together with its file and JSON path, so every validation failure can say exactly where it is.</summary>
/// <remarks>
/// The path is kept as a link to its parent and the last step, and spelt out only when asked for (an error, a duplicate):
/// a results file has hundreds of thousands of values, and building a path string for each was a third of reading one.
/// </remarks>
internal readonly struct JsonCursor
{
    /// <summary>The longest id accepted; longer ones are almost certainly generated garbage and would wreck every report.</summary>
    public const int MaxIdLength = 1000;

    // The path of the value holding this one, with this value's property name or item index; at a root, `name` is the whole path.
    private readonly JsonPath? parent;
    private readonly string? name;
    private readonly int index;

    /// <summary>A value at a path given in full, e.g. "$" or "$.target".</summary>
    public JsonCursor(JsonElement element, string path, string file)
    {
        Element = element;
        File = file;
        name = path;
        index = -1;
    }

    private JsonCursor(JsonElement element, JsonPath parent, string? name, int index, string file)
    {
        Element = element;
        File = file;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /// <summary>The value.</summary>
    public JsonElement Element { get; }

    /// <summary>The file it was read from.</summary>
    public string File { get; }

    /// <summary>Its JSON path, e.g. "$.benchmarks[3].launches[0]".</summary>
    public string Path => parent is null ? name! : JsonPath.Step(parent.ToString(), name, index);

    /// <summary>The document's root.</summary>
    public static JsonCursor Root(JsonDocument document, string file) => new(document.RootElement, "$", file);

    /// <summary>Whether the value is JSON null.</summary>
    public bool IsNull => Element.ValueKind == JsonValueKind.Null;

    /// <summary>An error at this value.</summary>
    public InputException Fail(string problem) => new(File, Path, problem);

    /// <summary>Requires an object.</summary>
    public JsonCursor Object()
    {
        Expect(JsonValueKind.Object, "an object");
        return this;
    }

    /// <summary>The named property, which must be present and not null.</summary>
    public JsonCursor Property(string name)
    {
        var value = OptionalProperty(name);
        return value ?? throw new InputException(File, Path, $"missing required property \"{name}\"");
    }

    /// <summary>The named property, or null when it is absent or JSON null.</summary>
    public JsonCursor? OptionalProperty(string name)
    {
        Object();
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(value, Node(), name, -1, File)
            : null;
    }

    /// <summary>Rejects properties other than <paramref name="known"/>, so a misspelt field is an error rather than silently ignored.</summary>
    public void RejectUnknown(params ReadOnlySpan<string> known)
    {
        foreach (var property in Object().Element.EnumerateObject())
        {
            if (!IsKnown(property, known))
            {
                throw new InputException(File, Child(Path, property.Name), $"unknown property; expected one of: {string.Join(", ", known.ToArray())}");
            }
        }
    }

    private static bool IsKnown(JsonProperty property, ReadOnlySpan<string> known)
    {
        // Compared in place: reading each name as a string would allocate one per property of every object.
        foreach (var k in known)
        {
            if (property.NameEquals(k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The items of an array, each with its indexed path.</summary>
    public IEnumerable<JsonCursor> Items()
    {
        Expect(JsonValueKind.Array, "an array");
        var element = Element;
        var node = Node();
        var file = File;
        return element.EnumerateArray().Select((item, i) => new JsonCursor(item, node, null, i, file));
    }

    /// <summary>The properties of an object, each with its path; a name longer than <see cref="MaxIdLength"/> is an error.</summary>
    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        var element = Object().Element;
        var node = Node();
        var file = File;
        return element.EnumerateObject().Select(p =>
        {
            var at = new JsonCursor(p.Value, node, p.Name, -1, file);
            // Names of parameters, error classes and headers end up in ids and reports.
            return p.Name.Length <= MaxIdLength
                ? (p.Name, at)
                : throw at.Fail(string.Create(CultureInfo.InvariantCulture, $"name is {p.Name.Length} characters long; at most {MaxIdLength} are allowed"));
        });
    }

    /// <summary>Reads every item of an array, requiring the ids <paramref name="idOf"/> gives to be unique; a duplicate is blamed on its <paramref name="idProperty"/>.</summary>
    public List<T> UniqueItems<T>(Func<JsonCursor, T> read, Func<T, string> idOf, string idProperty, string hint = "")
    {
        var items = new List<T>(Element.ValueKind == JsonValueKind.Array ? Element.GetArrayLength() : 0);
        var seen = new Dictionary<string, int>(items.Capacity, StringComparer.Ordinal);
        foreach (var at in Items())
        {
            var item = read(at);
            var id = idOf(item);
            if (!seen.TryAdd(id, at.index))
            {
                var blame = at.OptionalProperty(idProperty) ?? at;
                throw blame.Fail($"duplicate benchmark id \"{id}\" (first at {JsonPath.Step(Path, null, seen[id])}){hint}");
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>A string.</summary>
    public string String()
    {
        Expect(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    /// <summary>A non-empty id of at most <see cref="MaxIdLength"/> characters.</summary>
    public string Id()
    {
        var id = String();
        if (string.IsNullOrWhiteSpace(id))
        {
            throw Fail("id is empty");
        }

        return id.Length <= MaxIdLength
            ? id
            : throw Fail(string.Create(CultureInfo.InvariantCulture, $"id is {id.Length} characters long; at most {MaxIdLength} are allowed"));
    }

    /// <summary>A string of at most <see cref="MaxIdLength"/> characters (a parameter value, a name).</summary>
    public string ShortString()
    {
        var text = String();
        return text.Length <= MaxIdLength
            ? text
            : throw Fail(string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters long; at most {MaxIdLength} are allowed"));
    }

    /// <summary>A boolean.</summary>
    public bool Boolean() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw WrongType("a boolean"),
    };

    /// <summary>A finite number.</summary>
    public double Number()
    {
        if (Element.ValueKind == JsonValueKind.String && IsNonFiniteName(Element.GetString()))
        {
            throw Fail($"\"{Element.GetString()}\" is not allowed; expected a finite number");
        }

        Expect(JsonValueKind.Number, "a number");
        return Element.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Fail($"{Element.GetRawText()} is out of range; expected a finite number");
    }

    /// <summary>A finite number greater than zero (a time or a rate).</summary>
    public double Positive()
    {
        var value = Number();
        return value > 0 ? value : throw Fail($"{Element.GetRawText()} must be greater than zero");
    }

    /// <summary>
    /// An array of finite numbers greater than zero (raw samples). Checked element by element without building a
    /// path for each: samples are most of a results file, and the path is only needed for the one that is wrong.
    /// </summary>
    public double[] PositiveNumbers()
    {
        Expect(JsonValueKind.Array, "an array");
        var values = new double[Element.GetArrayLength()];
        var i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out var value) || !double.IsFinite(value) || value <= 0)
            {
                return [new JsonCursor(item, Node(), null, i, File).Positive()];
            }

            values[i++] = value;
        }

        return values;
    }

    /// <summary>A finite number that is zero or more.</summary>
    public double NonNegative()
    {
        var value = Number();
        return value >= 0 ? value : throw Fail($"{Element.GetRawText()} must not be negative");
    }

    /// <summary>A whole number of at least <paramref name="min"/>.</summary>
    public long Integer(long min = 0)
    {
        Number();
        if (!Element.TryGetInt64(out var value))
        {
            throw Fail($"{Element.GetRawText()} is not a whole number (plain digits, within 64-bit range)");
        }

        return value >= min
            ? value
            : throw Fail(string.Create(CultureInfo.InvariantCulture, $"{value} must be at least {min}"));
    }

    /// <summary>A whole number of at least <paramref name="min"/> that fits in 32 bits.</summary>
    public int Int32(int min = 0)
    {
        var value = Integer(min);
        return value <= int.MaxValue ? (int)value : throw Fail($"{value} is too large");
    }

    /// <summary>An ISO 8601 timestamp with offset.</summary>
    public DateTimeOffset Timestamp()
    {
        Expect(JsonValueKind.String, "a string");
        return Element.TryGetDateTimeOffset(out var value)
            ? value
            : throw Fail($"\"{Element.GetString()}\" is not an ISO 8601 timestamp");
    }

    private static bool IsNonFiniteName(string? text) =>
        text is not null && (text.Contains("NaN", StringComparison.OrdinalIgnoreCase) || text.Contains("Infinity", StringComparison.OrdinalIgnoreCase));

    /// <summary>The path of property <paramref name="name"/> under <paramref name="path"/>: dotted for plain names, bracketed otherwise.</summary>
    public static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(name[0])
            ? $"{path}.{name}"
            : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    /// <summary>This value's path as a node its children can link to.</summary>
    private JsonPath Node() => new(parent, name, index);

    private void Expect(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw WrongType(what);
        }
    }

    private InputException WrongType(string what) => Fail($"expected {what}, found {Describe(Element.ValueKind)}");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

/// <summary>A JSON path as a chain of steps, spelt out once, when first needed.</summary>
internal sealed class JsonPath(JsonPath? parent, string? name, int index)
{
    private string? text;

    /// <summary>The path of an item (<paramref name="name"/> null) or a property under <paramref name="path"/>.</summary>
    public static string Step(string path, string? name, int index) =>
        name is null ? string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]") : JsonCursor.Child(path, name);

    /// <inheritdoc />
    public override string ToString() => text ??= parent is null ? name! : Step(parent.ToString(), name, index);
}
