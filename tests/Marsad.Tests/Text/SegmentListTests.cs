using System.Text.Json;
using Marsad.Json;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>A token's segments as a view (<see cref="SegmentList"/>): what the text layer stores and what JSON shows.</summary>
public sealed class SegmentListTests
{
    private static AnalyzedArticle Annotate(string paragraph)
    {
        var doc = new AnalyzedArticle(new Article { Id = "t", Source = "test", Headline = "", Paragraphs = [paragraph], Format = "text" });
        new TextAnnotator().Annotate(doc);
        return doc;
    }

    [Fact]
    public void SingleStemWordHasTheWholeTokenAsItsSegment()
    {
        var doc = Annotate("كتاب جديد");
        var word = doc.Tokens[0];
        Assert.Equal<Segment>([new Segment(word.Start, word.End, SegmentRole.Stem, word.Normalized)], word.Segments);
    }

    [Fact]
    public void SegmentsOfTheArticleShareOneArrayAndKeepTheirOrder()
    {
        var doc = Annotate("وبالاتفاق مع للولايات المتحدة وكتبه");
        var split = doc.Tokens.Where(t => t.Segments.Count > 1).ToList();
        Assert.True(split.Count >= 2);
        foreach (var token in split)
        {
            Assert.Equal(token.Start, token.Segments[0].Start);
            Assert.Equal(token.End, token.Segments[^1].End);
            var previousEnd = token.Start;
            foreach (var segment in token.Segments)
            {
                Assert.Equal(previousEnd, segment.Start);
                previousEnd = segment.End;
            }
        }
    }

    [Fact]
    public void NonWordsHaveNoSegments()
    {
        var doc = Annotate("ارتفع 5 %");
        Assert.Empty(doc.Tokens.Single(t => doc.Slice(t.Start, t.End) == "%").Segments);
        Assert.Empty(default(SegmentList));
    }

    [Fact]
    public void AListThatCannotBePackedIsKeptWhole()
    {
        var many = Enumerable.Range(0, 40).Select(i => new Segment(i, i + 1, SegmentRole.Proclitic, "و")).ToArray();
        var token = new TokenAnnotation(0, 40, TokenKind.ArabicWord, new string('و', 40)) { Segments = new SegmentList(many, 0, many.Length) };
        Assert.Equal<Segment>(many, token.Segments);

        var view = new TokenAnnotation(3, 5, TokenKind.ArabicWord, "وو") { Segments = new SegmentList(many, 3, 2) };
        Assert.Equal<Segment>(many[3..5], view.Segments);
    }

    [Fact]
    public void JsonWritesAnArrayOfSegmentsAndReadsItBack()
    {
        var doc = Annotate("وقال الرئيس للصحفيين إن المحادثات كانت مثمرة، وأضاف: \"نحن متفائلون\" 2023.");
        var json = JsonSerializer.Serialize(AnalysisDocument.From(doc), MarsadJson.Readable.AnalysisDocument);
        using (var parsed = JsonDocument.Parse(json))
        {
            var first = parsed.RootElement.GetProperty("tokens")[0].GetProperty("segments");
            Assert.Equal(JsonValueKind.Array, first.ValueKind);
            Assert.Equal("Proclitic", first[0].GetProperty("role").GetString());
            Assert.Equal("و", first[0].GetProperty("form").GetString());
        }

        var back = JsonSerializer.Deserialize(json, MarsadJson.Readable.AnalysisDocument)!;
        Assert.Equal(doc.Tokens.Count, back.Tokens.Count);
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            Assert.Equal(doc.Tokens[i].Segments, back.Tokens[i].Segments);
            Assert.Equal(doc.Tokens[i].Stem, back.Tokens[i].Stem);
        }
    }
}
