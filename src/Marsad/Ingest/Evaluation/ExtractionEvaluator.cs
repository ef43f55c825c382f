using Marsad.Model;

namespace Marsad.Ingest.Evaluation;

/// <summary>
/// Scores main-text extraction and publication dates on saved pages with gold (see
/// <see cref="GoldPageLoader"/>): Marsad's HTML reader and SmartReader alone, on the same pages in
/// the same run. Body text is scored with <see cref="BagOfTokens"/> on the paragraphs only (not the
/// headline nor captions, which the gold texts leave out); a date is right when the calendar day
/// of the extracted publication time, in the page's own offset, equals the gold day.
/// </summary>
public static class ExtractionEvaluator
{
    /// <summary>The body-token F1 every page with gold text should reach.</summary>
    public const double F1Goal = 0.97;

    public static ExtractionReport Evaluate(IReadOnlyList<GoldPage> pages)
    {
        var results = new List<PageResult>();
        foreach (var page in pages)
        {
            var bytes = File.ReadAllBytes(page.HtmlPath);
            results.Add(new PageResult(
                page.Name,
                page.TextKind,
                page.Date,
                Score(page, MarsadExtraction(page.Name, bytes)),
                Score(page, SmartReaderBaseline.Extract(page.Name, bytes))));
        }

        return new ExtractionReport(results, Summarize(results, r => r.Marsad), Summarize(results, r => r.SmartReader));
    }

    /// <summary>Marsad's own reading of the page, as <c>marsad analyze --format html</c> does it.</summary>
    public static Extraction MarsadExtraction(string name, byte[] bytes)
    {
        var outcome = ArticleReaders.ReadBytes(name, bytes, new ReadOptions { Format = InputFormat.Html }).First();
        return outcome.Article is { } article
            ? Extraction.From(article)
            : new Extraction([], [], null, null, outcome.Error?.ToLine());
    }

    private static SystemResult Score(GoldPage page, Extraction extraction)
    {
        TokenOverlap? text = null;
        if (page.TextKind != GoldTextKind.None && page.Text is not null)
        {
            var gold = BagOfTokens.Tokenize(page.Text);
            var extracted = BagOfTokens.Tokenize(string.Join("\n\n", extraction.Paragraphs));
            if (page.TextKind == GoldTextKind.Prefix)
            {
                // A cut prefix ends inside a word: drop that partial token, and compare with as many extracted tokens.
                gold = gold.Count > 1 ? gold[..^1] : gold;
                extracted = extracted.Count > gold.Count ? extracted[..gold.Count] : extracted;
            }

            text = BagOfTokens.Score(extracted, gold);
        }

        var date = extraction.PublishedAt is { } at ? DateOnly.FromDateTime(at.DateTime) : (DateOnly?)null;
        bool? dateRight = page.Date is { } goldDate ? date == goldDate : null;

        int? passed = null;
        var total = page.MustContain.Count + page.MustNotContain.Count;
        if (total > 0)
        {
            var output = Squash(string.Join(" ", extraction.AllText()));
            passed = page.MustContain.Count(s => output.Contains(Squash(s), StringComparison.Ordinal))
                + page.MustNotContain.Count(s => !output.Contains(Squash(s), StringComparison.Ordinal));
        }

        return new SystemResult(text, date, dateRight, passed, total > 0 ? total : null, extraction.Headline, extraction.Error);
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static SystemSummary Summarize(List<PageResult> results, Func<PageResult, SystemResult> pick)
    {
        var f1s = results.Select(pick).Where(r => r.Text is not null).Select(r => r.Text!.F1).ToList();
        var dated = results.Select(pick).Where(r => r.DateRight is not null).ToList();
        var snippets = results.Select(pick).Where(r => r.SnippetsTotal is not null).ToList();
        return new SystemSummary(
            f1s.Count,
            f1s.Count == 0 ? 0 : f1s.Average(),
            f1s.Count == 0 ? 0 : f1s.Min(),
            f1s.Count(f => f >= F1Goal),
            dated.Count,
            dated.Count(r => r.DateRight == true),
            snippets.Sum(r => r.SnippetsPassed ?? 0),
            snippets.Sum(r => r.SnippetsTotal ?? 0));
    }
}

/// <summary>What one extractor produced for a page.</summary>
public sealed record Extraction(
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Captions,
    string? Headline,
    DateTimeOffset? PublishedAt,
    string? Error)
{
    public static Extraction From(Article article) => new(article.Paragraphs, article.Captions, article.Headline, article.PublishedAt, null);

    /// <summary>Everything the extractor output as text: headline, captions, paragraphs.</summary>
    public IEnumerable<string> AllText() => (Headline is null ? [] : new[] { Headline }).Concat(Captions).Concat(Paragraphs);
}

/// <summary>One extractor's scores on one page; null where the page has no gold of that kind.</summary>
public sealed record SystemResult(
    TokenOverlap? Text,
    DateOnly? Date,
    bool? DateRight,
    int? SnippetsPassed,
    int? SnippetsTotal,
    string? Headline,
    string? Error);

/// <summary>The scores of Marsad and of SmartReader alone on one page.</summary>
public sealed record PageResult(string Page, GoldTextKind GoldText, DateOnly? GoldDate, SystemResult Marsad, SystemResult SmartReader);

/// <summary>One extractor over all pages: pages with gold text, mean and lowest F1, pages reaching the goal, dates right, snippets passed.</summary>
public sealed record SystemSummary(
    int PagesWithText,
    double MeanF1,
    double MinF1,
    int PagesAtGoal,
    int PagesWithDate,
    int DatesRight,
    int SnippetsPassed,
    int SnippetsTotal);

/// <summary>The whole evaluation: per page and per extractor.</summary>
public sealed record ExtractionReport(IReadOnlyList<PageResult> Pages, SystemSummary Marsad, SystemSummary SmartReader);
