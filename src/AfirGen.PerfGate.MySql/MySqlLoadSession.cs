using System.Diagnostics;
using AfirGen.PerfGate.Config.Scenarios;
using AfirGen.PerfGate.Load.Engine;
using AfirGen.PerfGate.Load.Templates;
using MySqlConnector;

namespace AfirGen.PerfGate.MySql;

/// <summary>One level of a db scenario: a pool sized for its workers, disposed (and emptied) with the level.</summary>
internal sealed class MySqlLoadSession(MySqlDataSource source, DbScenarioDefinition scenario, VariableSet variables, int[] parameters) : ILoadSession
{
    public ValueTask<ILoadWorker> CreateWorkerAsync(int index, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ILoadWorker>(new Worker(source, scenario, variables, parameters, new Random(index + 1)));

    public ValueTask DisposeAsync() => source.DisposeAsync();

    private sealed class Worker : IBlockingLoadWorker
    {
        private readonly MySqlDataSource source;
        private readonly bool pooled;
        private readonly VariableSet variables;
        private readonly int[] parameters;
        private readonly Random random;
        private readonly object[] values;
        private readonly MySqlCommand command;
        private MySqlConnection? held;
        private CancellationTokenRegistration? cancellation;

        public Worker(MySqlDataSource source, DbScenarioDefinition scenario, VariableSet variables, int[] parameters, Random random)
        {
            this.source = source;
            pooled = scenario.Pooled;
            this.variables = variables;
            this.parameters = parameters;
            this.random = random;
            values = new object[variables.Names.Count];
            command = new MySqlCommand(scenario.Query);
            foreach (var i in parameters)
            {
                command.Parameters.Add(new MySqlParameter("@" + variables.Names[i], null));
            }
        }

        public OperationOutcome Execute(CancellationToken cancellationToken)
        {
            Bind();
            // A blocking call does not watch the token: Ctrl+C cancels the query on the server instead.
            cancellation ??= cancellationToken.Register(static c => ((MySqlCommand)c!).Cancel(), command);
            long acquire = 0;
            MySqlConnection? connection = null;
            try
            {
                if (pooled)
                {
                    var start = Stopwatch.GetTimestamp();
                    connection = source.OpenConnection();
                    acquire = Math.Max(1, Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    connection = held ??= source.OpenConnection();
                }

                command.Connection = connection;
                using (var reader = command.ExecuteReader())
                {
                    // Every row of every result is read, as an application would before it answers.
                    do
                    {
                        while (reader.Read())
                        {
                            // reading
                        }
                    }
                    while (reader.NextResult());
                }

                return new OperationOutcome(null, AcquireTicks: acquire);
            }
            catch (Exception e) when (MySqlFailures.Classify(e, cancellationToken) is { } error)
            {
                if (Broken())
                {
                    held!.Dispose();
                    held = null;
                }

                return OperationOutcome.Failed(error);
            }
            catch (MySqlException e) when (cancellationToken.IsCancellationRequested)
            {
                // The query the cancellation interrupted: reported as what it is, the caller's cancellation.
                throw new OperationCanceledException("the run was cancelled", e, cancellationToken);
            }
            finally
            {
                if (pooled)
                {
                    connection?.Dispose();
                }
            }
        }

        public async ValueTask<OperationOutcome> ExecuteAsync(CancellationToken cancellationToken)
        {
            Bind();
            long acquire = 0;
            MySqlConnection? connection = null;
            try
            {
                if (pooled)
                {
                    var start = Stopwatch.GetTimestamp();
                    connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    acquire = Math.Max(1, Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    connection = held ??= await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                }

                command.Connection = connection;
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    do
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            // reading
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }

                return new OperationOutcome(null, AcquireTicks: acquire);
            }
            catch (Exception e) when (MySqlFailures.Classify(e, cancellationToken) is { } error)
            {
                if (Broken())
                {
                    await held!.DisposeAsync().ConfigureAwait(false);
                    held = null;
                }

                return OperationOutcome.Failed(error);
            }
            finally
            {
                if (pooled && connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        private void Bind()
        {
            variables.Pick(random, values);
            for (var p = 0; p < parameters.Length; p++)
            {
                command.Parameters[p].Value = values[parameters[p]];
            }
        }

        // A dedicated connection that broke is replaced on the next operation: this is how workers reconnect.
        private bool Broken() => !pooled && held is not null && held.State != System.Data.ConnectionState.Open;

        public async ValueTask DisposeAsync()
        {
            if (cancellation is { } registration)
            {
                await registration.DisposeAsync().ConfigureAwait(false);
            }

            await command.DisposeAsync().ConfigureAwait(false);
            if (held is not null)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
