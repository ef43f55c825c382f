using Marsad.Model;

namespace Marsad.Tests.Ingest;

/// <summary>The document text an <see cref="AnalyzedArticle"/> builds from what a reader produced.</summary>
public sealed class AnalyzedArticleTextTests
{
    [Fact]
    public void TextJoinsTheNonBlankBlocksWithBlankLines()
    {
        var article = new Article
        {
            Id = "x",
            Format = "text",
            Headline = "عنوان",
            Captions = ["  ", "تعليق"],
            Paragraphs = ["فقرة أولى", "", "فقرة ثانية"],
        };
        var doc = new AnalyzedArticle(article);
        Assert.Equal("عنوان\n\nتعليق\n\nفقرة أولى\n\nفقرة ثانية", doc.Text);
        Assert.Equal(
            [
                new TextBlock(BlockKind.Headline, 0, 5, 0),
                new TextBlock(BlockKind.Caption, 7, 12, 1),
                new TextBlock(BlockKind.Paragraph, 14, 23, 2),
                new TextBlock(BlockKind.Paragraph, 25, 35, 3),
            ],
            doc.Blocks);
    }

    [Fact]
    public void EmptyArticleHasEmptyText()
    {
        var doc = new AnalyzedArticle(new Article { Id = "x", Format = "text" });
        Assert.Equal("", doc.Text);
        Assert.Empty(doc.Blocks);
    }
}
