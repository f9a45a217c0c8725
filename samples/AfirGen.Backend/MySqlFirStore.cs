using MySqlConnector;

namespace AfirGen.Backend.Web;

/// <summary>An <see cref="IFirStore"/> in MySQL/MariaDB tables afirgen_fir and afirgen_session.</summary>
internal sealed class MySqlFirStore(string connectionString) : IFirStore
{
    private const int InsertBatch = 100;

    public async Task InitializeAsync(IReadOnlyList<FirRecord> firs, IReadOnlyList<SessionRecord> sessions, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS afirgen_fir (
              fir_number VARCHAR(32) PRIMARY KEY, session_id VARCHAR(32) NOT NULL, station VARCHAR(128) NOT NULL,
              status VARCHAR(16) NOT NULL, created_at DATETIME(6) NOT NULL, content MEDIUMTEXT NOT NULL, INDEX ix_session (session_id))
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS afirgen_session (
              session_id VARCHAR(32) PRIMARY KEY, status VARCHAR(16) NOT NULL, fir_number VARCHAR(32) NULL, updated_at DATETIME(6) NOT NULL)
            """, cancellationToken).ConfigureAwait(false);
        await using (var count = new MySqlCommand("SELECT COUNT(*) FROM afirgen_fir", connection))
        {
            if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }

        foreach (var chunk in firs.Chunk(InsertBatch))
        {
            await InsertAsync(connection, "INSERT INTO afirgen_fir VALUES ", chunk, (c, f, i) =>
            {
                c.Parameters.AddWithValue($"@n{i}", f.FirNumber);
                c.Parameters.AddWithValue($"@s{i}", f.SessionId);
                c.Parameters.AddWithValue($"@t{i}", f.Station);
                c.Parameters.AddWithValue($"@u{i}", f.Status);
                c.Parameters.AddWithValue($"@c{i}", f.CreatedAt.UtcDateTime);
                c.Parameters.AddWithValue($"@b{i}", f.Content);
                return $"(@n{i}, @s{i}, @t{i}, @u{i}, @c{i}, @b{i})";
            }, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in sessions.Chunk(InsertBatch))
        {
            await InsertAsync(connection, "INSERT INTO afirgen_session VALUES ", chunk, (c, s, i) =>
            {
                c.Parameters.AddWithValue($"@i{i}", s.SessionId);
                c.Parameters.AddWithValue($"@u{i}", s.Status);
                c.Parameters.AddWithValue($"@f{i}", s.FirNumber);
                c.Parameters.AddWithValue($"@d{i}", s.UpdatedAt.UtcDateTime);
                return $"(@i{i}, @u{i}, @f{i}, @d{i})";
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<FirRecord?> FindFirAsync(string firNumber, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand("SELECT fir_number, session_id, station, status, created_at, content FROM afirgen_fir WHERE fir_number = @n", connection);
        command.Parameters.AddWithValue("@n", firNumber);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new FirRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Utc(reader.GetDateTime(4)), reader.GetString(5))
            : null;
    }

    public async Task<SessionRecord?> FindSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new MySqlCommand("SELECT session_id, status, fir_number, updated_at FROM afirgen_session WHERE session_id = @i", connection);
        command.Parameters.AddWithValue("@i", sessionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SessionRecord(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Utc(reader.GetDateTime(3)))
            : null;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private async Task<MySqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertAsync<T>(MySqlConnection connection, string head, T[] rows, Func<MySqlCommand, T, int, string> bind, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand { Connection = connection };
        command.CommandText = head + string.Join(", ", rows.Select((row, i) => bind(command, row, i)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
