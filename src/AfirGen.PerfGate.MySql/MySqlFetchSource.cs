using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Fetch;
using MySqlConnector;

namespace AfirGen.PerfGate.MySql;

/// <summary>A MySQL query behind a cache: <c>@n</c> is the key number, the first column of the first row is the value.</summary>
public sealed class MySqlFetchSource(string sql, string connectionString, int connections, TimeSpan timeout) : IFetchSource
{
    private readonly MySqlDataSource source = new(MySqlFailures.WithTimeouts(connectionString, timeout, connections).ConnectionString);

    /// <inheritdoc />
    public string Description => $"MySQL query {sql}";

    /// <inheritdoc />
    public Task CheckAsync(CancellationToken cancellationToken) => FetchCheck.RequireAnswerAsync(this, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<FetchResult> FetchAsync(long n, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = new MySqlCommand(sql, connection);
                command.Parameters.AddWithValue("@n", n);
                var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return new FetchResult(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "", null);
            }
        }
        catch (Exception e) when (MySqlFailures.Classify(e, cancellationToken) is { } error)
        {
            return new FetchResult(null, error);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => source.DisposeAsync();
}
