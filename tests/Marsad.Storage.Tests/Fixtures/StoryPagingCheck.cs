using Marsad.Duplicates;
using Marsad.Model;

namespace Marsad.Storage.Tests.Fixtures;

/// <summary>
/// The story list's paging, the same for every <see cref="IArchive"/> (embedded and PostgreSQL): five unrelated
/// articles make five singleton stories; total counts them all on every page and the pages walk one ranking.
/// </summary>
internal static class StoryPagingCheck
{
    private static readonly string[] Headlines = ["زلزال في تركيا يهدم مباني", "انتخابات بلدية في تونس", "مباراة كرة قدم في القاهرة", "ارتفاع أسعار النفط عالميا", "معرض كتاب في الرياض"];

    public static void Run(IArchive archive)
    {
        archive.AddBatch(Headlines.Select((h, i) => (ArchiveEntry)Entry($"s{i}", h)).ToList());
        archive.Flush();

        var all = archive.Stories(new StoryQuery { MinSize = 1, Limit = 50 });
        Assert.Equal(Headlines.Length, all.Items.Count);
        Assert.Equal(Headlines.Length, all.Total);

        var paged = new List<long>();
        for (var offset = 0; offset < Headlines.Length; offset += 2)
        {
            var page = archive.Stories(new StoryQuery { MinSize = 1, Offset = offset, Limit = 2 });
            Assert.Equal(Headlines.Length, page.Total);
            paged.AddRange(page.Items.Select(s => s.Id));
        }

        Assert.Equal(all.Items.Select(s => s.Id), paged);
        var past = archive.Stories(new StoryQuery { MinSize = 1, Offset = Headlines.Length, Limit = 2 });
        Assert.Equal(Headlines.Length, past.Total);
        Assert.Empty(past.Items);
    }

    private static AnalysedEntry Entry(string id, string headline)
    {
        var article = new Article
        {
            Id = id, Source = "wire", Headline = headline, Paragraphs = [string.Join(' ', Enumerable.Repeat(headline, 4))], Format = "jsonl",
            PublishedAt = new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero),
        };
        return new AnalysedEntry(new AnalyzedArticle(article), ContentFingerprint.Of(article));
    }
}
