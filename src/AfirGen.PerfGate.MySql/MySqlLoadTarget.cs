using System.Text.RegularExpressions;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Templates;
using MySqlConnector;

namespace AfirGen.PerfGate.MySql;

/// <summary>A MySQL/MariaDB query as a load target: setup and teardown SQL, the EXPLAIN check, and a pool per level.</summary>
public sealed partial class MySqlLoadTarget(DbScenarioDefinition scenario, string connectionString) : ILoadTarget
{
    private readonly VariableSet variables = new(scenario.Variables);
    private bool prepared;

    /// <inheritdoc />
    public string Description => $"{scenario.BaseId} on {new MySqlConnectionStringBuilder(connectionString) { Password = "" }.Server}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken)
    {
        var builder = MySqlFailures.WithTimeouts(connectionString, scenario.Load.Timeout, 2);
        var connection = new MySqlConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (MySqlException e)
            {
                throw new TargetUnreachableException($"target unreachable: MySQL at {builder.Server}:{builder.Port}: {e.Message}", e);
            }

            prepared = true;
            for (var i = 0; i < scenario.Setup.Count; i++)
            {
                await ExecuteAsync(connection, scenario.Setup[i], $"setup statement {i + 1}", cancellationToken).ConfigureAwait(false);
            }

            var warnings = new List<string>();
            if (scenario.Explain != ExplainPolicy.Off && ExplainCheck.Applies(scenario.Query))
            {
                using var explain = Command(connection, "EXPLAIN FORMAT=JSON " + scenario.Query, variables.First());
                var plan = (string?)await Guard(() => explain.ExecuteScalarAsync(cancellationToken), "EXPLAIN of the query").ConfigureAwait(false) ?? "{}";
                foreach (var table in ExplainCheck.FullScans(plan))
                {
                    var finding = $"EXPLAIN: full table scan on `{table}` (access_type ALL); add an index the query can use";
                    warnings.Add(scenario.Explain == ExplainPolicy.Fail ? throw new ScenarioFailedException(finding) : finding);
                }
            }

            return warnings;
        }
    }

    /// <inheritdoc />
    public Task<ILoadSession> OpenAsync(int workers, CancellationToken cancellationToken)
    {
        var source = new MySqlDataSource(MySqlFailures.WithTimeouts(connectionString, scenario.Load.Timeout, workers).ConnectionString);
        return Task.FromResult<ILoadSession>(new MySqlLoadSession(source, scenario, variables, QueryParameters()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!prepared || scenario.Teardown.Count == 0)
        {
            return;
        }

        // Teardown runs even after Ctrl+C, bounded by the connection's own timeouts.
        var connection = new MySqlConnection(MySqlFailures.WithTimeouts(connectionString, scenario.Load.Timeout, 1).ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < scenario.Teardown.Count; i++)
            {
                await ExecuteAsync(connection, scenario.Teardown[i], $"teardown statement {i + 1}", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The indexes of the variables the query names as <c>@name</c>.</summary>
    internal int[] QueryParameters() =>
        [.. ParameterName().Matches(scenario.Query).Select(m => variables.IndexOf(m.Groups[1].Value)).Where(i => i >= 0).Distinct()];

    /// <summary>A command with the named variables bound as parameters.</summary>
    internal MySqlCommand Command(MySqlConnection? connection, string sql, object[] values)
    {
        var command = new MySqlCommand(sql, connection);
        foreach (var i in QueryParameters())
        {
            command.Parameters.AddWithValue("@" + variables.Names[i], values[i]);
        }

        return command;
    }

    private async Task ExecuteAsync(MySqlConnection connection, string sql, string what, CancellationToken cancellationToken)
    {
        using var command = Command(connection, sql, variables.First());
        await Guard(() => command.ExecuteNonQueryAsync(cancellationToken), what).ConfigureAwait(false);
    }

    private async Task<T> Guard<T>(Func<Task<T>> action, string what)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (MySqlException e)
        {
            throw new ScenarioFailedException($"{scenario.BaseId}: {what} failed: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
