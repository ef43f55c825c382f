using Marsad.Storage.Postgres;
using Marsad.Storage.Tests.Fixtures;

namespace Marsad.Storage.Tests.Postgres;

/// <summary>The PostgreSQL archive pages its story list as the embedded one does (skipped without $MARSAD_TEST_PG).</summary>
[Collection("postgres")]
public sealed class PostgresStoriesTests
{
    [SkippableFact]
    public void Stories_are_paged_with_a_total_of_every_story_that_matches()
    {
        using var db = TestDatabase.Create();
        using var archive = PostgresArchive.Open(db.ConnectionString);
        StoryPagingCheck.Run(archive);
    }
}
