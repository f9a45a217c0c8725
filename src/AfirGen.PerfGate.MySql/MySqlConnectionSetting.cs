using MySqlConnector;

namespace AfirGen.PerfGate.MySql;

/// <summary>A MySQL connection as users write it in an environment variable: MySqlConnector's key=value form or a mysql:// URL.</summary>
public static class MySqlConnectionSetting
{
    /// <summary>
    /// The connection string MySqlConnector reads, every option checked now rather than at the first connection.
    /// Throws <see cref="FormatException"/> saying what is wrong; the message never holds the password.
    /// </summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var connectionString = IsUrl(value) ? FromUrl(value) : value;
            // A data source parses every option (an unknown key, "SslMode=bogus", "Port=x") without connecting.
            using var source = new MySqlDataSource(connectionString);
            return connectionString;
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"not a MySQL connection string: {Secrets.Redact(e.Message, PasswordOf(value))}", e);
        }
    }

    private static string? PasswordOf(string value)
    {
        if (IsUrl(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.IndexOf(':', StringComparison.Ordinal) is >= 0 and var colon
                ? Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]) : null;
        }

        try
        {
            var generic = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = value };
            return generic.TryGetValue("password", out var p) || generic.TryGetValue("pwd", out p) ? p?.ToString() : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsUrl(string value) =>
        value.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase);

    /// <summary>mysql://user:password@host:port/database?Option=value, the form most hosting services hand out.</summary>
    private static string FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException("the URL has no host");
        }

        var builder = new MySqlConnectionStringBuilder { Server = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = (uint)uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.UserID = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            builder[key] = equals < 0 ? "true" : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return builder.ConnectionString;
    }
}
