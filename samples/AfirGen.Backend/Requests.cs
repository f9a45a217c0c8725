namespace AfirGen.Backend.Web;

/// <summary>The body of POST /validate and POST /process.</summary>
/// <param name="Text">The complaint as the complainant gave it.</param>
internal sealed record ComplaintRequest(string? Text);
