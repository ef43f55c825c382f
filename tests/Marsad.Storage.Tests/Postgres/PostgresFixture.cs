using System.Diagnostics;
using Marsad.Storage.Postgres;
using Npgsql;

namespace Marsad.Storage.Tests.Postgres;

/// <summary>
/// A fresh database on the test server named by $MARSAD_TEST_PG (.ci/run starts a throwaway cluster
/// and sets it), dropped on dispose. Tests skip, saying why, only when no server is configured or reachable.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string Variable = "MARSAD_TEST_PG";

    private readonly string _admin;

    private TestDatabase(string admin, string name)
    {
        _admin = admin;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    /// <summary>An Npgsql connection string to the test's own database (the CLI accepts it for --db).</summary>
    public string ConnectionString { get; }

    public static TestDatabase Create()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrEmpty(url), $"no PostgreSQL for the server-mode tests: set {Variable}=postgres://user@host:port/db (.ci/run starts a throwaway cluster and sets it)");
        var admin = PostgresConnection.ToConnectionString(url!);
        var name = "marsad_test_" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            Skip.If(true, $"PostgreSQL at {Variable} could not be reached: {e.Message}");
        }

        return new TestDatabase(admin, name);
    }

    public long Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            using var connection = new NpgsqlConnection(_admin);
            connection.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may be gone already (the cluster is thrown away at the end of CI).
        }
    }
}

/// <summary>Runs the built CLI (<c>dotnet Marsad.Cli.dll …</c>) as a child process.</summary>
internal static class Cli
{
    public static string Dll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.dll");
        Skip.IfNot(File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.runtimeconfig.json")), "Marsad.Cli.dll is not beside the tests");
        return beside;
    }

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        // Drain both streams so a chatty child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static int Run(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"marsad {string.Join(' ', args.Take(2))} did not finish in {timeout}");
        }

        return process.ExitCode;
    }
}
