using CsCheck;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Text;

public sealed class TextAnnotatorTests
{
    private static AnalyzedArticle Annotate(string headline, params string[] paragraphs)
    {
        var article = new Article { Id = "t", Source = "test", Headline = headline, Paragraphs = paragraphs, Format = "text" };
        var doc = new AnalyzedArticle(article);
        new TextAnnotator().Annotate(doc);
        return doc;
    }

    [Fact]
    public void TextAnnotatorDeclaresItsLayersAndComesFirstInTheDefaultPipeline()
    {
        var annotator = new TextAnnotator();
        Assert.Equal("text", annotator.Name);
        Assert.Empty(annotator.Requires);
        Assert.Equal([Layers.Tokens, Layers.Segments, Layers.Sentences], annotator.Assigns);
        Assert.IsType<TextAnnotator>(Pipelines.Default(MarsadModels.Locate()).Annotators[0]);
    }

    [Fact]
    public void TokensCarrySpansNormalisedFormsSegmentsAndStems()
    {
        var doc = Annotate("وصول الوفد", "وأكّد المتحدث أنّ بلادَه ستدعم «للولايات» بنسبة ١٥٪.");
        foreach (var token in doc.Tokens)
        {
            Assert.True(token.End > token.Start);
            if (token.Segments.Count > 0)
            {
                Assert.Equal(token.Start, token.Segments[0].Start);
                Assert.Equal(token.End, token.Segments[^1].End);
            }
        }

        var bilad = doc.Tokens.Single(t => doc.Slice(t.Start, t.End) == "بلادَه");
        Assert.Equal("بلاده", bilad.Normalized);
        Assert.Equal(["بلادَ", "ه"], bilad.Segments.Select(s => doc.Slice(s.Start, s.End)));
        Assert.Equal([SegmentRole.Stem, SegmentRole.Enclitic], bilad.Segments.Select(s => s.Role));

        var lil = doc.Tokens.Single(t => doc.Slice(t.Start, t.End) == "للولايات");
        Assert.Equal(["ل", "ال", "ولايات"], lil.Segments.Select(s => s.Form));
        Assert.Equal("ولاي", lil.Stem);

        var percent = doc.Tokens.Single(t => t.Kind == TokenKind.Percent);
        Assert.Equal("15%", percent.Normalized);
        Assert.Empty(percent.Segments);
        Assert.Null(percent.Stem);
    }

    [Fact]
    public void SentencesAreIndexedAndSplitAtBlocks()
    {
        var doc = Annotate("عنوان الخبر", "قال د. أحمد إن الوضع مستقر. ثم غادر.");
        Assert.Equal(["عنوان الخبر", "قال د. أحمد إن الوضع مستقر.", "ثم غادر."], doc.Sentences.Select(s => doc.Slice(s.Start, s.End)));
        Assert.Equal([0, 1, 2], doc.Sentences.Select(s => s.Index));
    }

    [Fact]
    public void EmptyArticleHasNoTokens()
    {
        var doc = Annotate(string.Empty);
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Sentences);
    }

    [SkippableFact]
    public void SeedPageTokensSegmentsAndSentences()
    {
        var page = SharedData.Require("seeds/000_4a4df9c2005a90e5.txt");
        var outcome = Assert.Single(ArticleReaders.ReadPath(page, new ReadOptions()));
        var doc = new AnalyzedArticle(outcome.Article!);
        new TextAnnotator().Annotate(doc);

        Assert.NotEmpty(doc.Tokens);
        string Segmented(string surface) => string.Join('+', doc.Tokens.First(t => doc.Slice(t.Start, t.End) == surface).Segments.Select(s => s.Form));
        Assert.Equal("ل+روسيا", Segmented("لروسيا"));
        Assert.Equal("ل+ال+ولايات", Segmented("للولايات"));
        Assert.Equal("بوتين", Segmented("بوتين"));
        Assert.Equal("كيربي", Segmented("كيربي"));

        // سيرجي ك. شويغو is one sentence, not two.
        Assert.Contains(doc.Sentences, s => doc.Slice(s.Start, s.End).Contains("سيرجي ك. شويغو", StringComparison.Ordinal));
        Assert.All(doc.Sentences, s => Assert.Null(doc.BlockAt(s.Start) is null ? "sentence starts in a separator" : null));
    }
}

/// <summary>Random articles through the text annotator: every layer stays inside the text and consistent.</summary>
public sealed class TextAnnotatorPropertyTests
{
    private static readonly string[] Pieces =
    [
        "و", "ب", "لل", "ال", "ه", "كتاب", "لبنان", "بلاده", "وبحسب", "\u064E", "\u0640", "\uFEFB", "٢٠٢٣", "1,000.5", "15%",
        " ", "\n", ".", "؟", "«", "»", "\"", "ك.", "د.", "😀", "\u200F", "\u200C", "word", "#وسم", "@user", "http://x.org/a",
    ];

    [Fact]
    public void RandomArticlesKeepEveryLayerConsistent()
    {
        Gen.Int[0, Pieces.Length - 1].Array[0, 30].Array[1, 4].Sample(paragraphs =>
        {
            var texts = paragraphs.Select(p => string.Concat(p.Select(i => Pieces[i]))).ToArray();
            var doc = new AnalyzedArticle(new Article { Id = "r", Paragraphs = texts, Format = "text" });
            new TextAnnotator().Annotate(doc);
            var previousEnd = 0;
            foreach (var token in doc.Tokens)
            {
                Assert.True(token.Start >= previousEnd && token.End > token.Start && token.End <= doc.Text.Length);
                previousEnd = token.End;
                if (token.Segments.Count > 0)
                {
                    Assert.Equal(doc.Slice(token.Start, token.End), string.Concat(token.Segments.Select(s => doc.Slice(s.Start, s.End))));
                }
            }

            Assert.All(doc.Tokens, t => Assert.Single(doc.Sentences, s => s.Start <= t.Start && t.End <= s.End));
            Assert.Equal(Enumerable.Range(0, doc.Sentences.Count), doc.Sentences.Select(s => s.Index));
        });
    }
}
