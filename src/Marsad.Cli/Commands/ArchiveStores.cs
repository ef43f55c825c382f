using Marsad.Storage;
using Marsad.Storage.Embedded;
using Marsad.Storage.Postgres;

namespace Marsad.Cli.Commands;

/// <summary>Opens the archive a command names: PostgreSQL with --db, else the embedded archive in --data.</summary>
internal static class ArchiveStores
{
    public static IArchive OpenForReading(DataSettings settings) =>
        settings.Db is { } db ? PostgresArchive.Open(db, new PostgresArchiveOptions { ReadOnly = true }) : EmbeddedArchive.Open(settings.Data, new ArchiveOpenOptions { ReadOnly = true });
}
