using Marsad.Errors;
using Npgsql;

namespace Marsad.Storage.Postgres;

/// <summary>Turns what the user gives to <c>--db</c> (a postgres:// URL or an Npgsql connection string) into a connection string.</summary>
public static class PostgresConnection
{
    /// <summary>True when the value names a PostgreSQL database rather than a data folder.</summary>
    public static bool IsPostgres(string? value) =>
        value is not null && (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    public static string ToConnectionString(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException e)
            {
                throw new MarsadException(ErrorCodes.BadArgument, $"--db is neither a postgres:// URL nor a connection string: {e.Message}");
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new MarsadException(ErrorCodes.BadArgument, "--db is not a valid postgres:// URL");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        // Query parameters (?sslmode=disable&...) map onto connection string keys where Npgsql knows them.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length == 2)
            {
                try
                {
                    builder[Uri.UnescapeDataString(kv[0])] = Uri.UnescapeDataString(kv[1]);
                }
                catch (ArgumentException)
                {
                    // Unknown libpq-only keys are ignored.
                }
            }
        }

        return builder.ConnectionString;
    }
}
