using Marsad.Ingest;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Topics;

/// <summary>
/// Turns labelled corpus records into analysed articles exactly as the pipeline sees a JSON Lines article
/// (headline = title, paragraphs = the text's lines) and runs the text layer on them, so that training,
/// evaluation and the annotator read the same tokens.
/// </summary>
public static class TopicDocuments
{
    private static readonly TextAnnotator Text = new();

    /// <summary>
    /// The analysed article (text layer only) of one record. A standfirst that adds to the body's opening
    /// (<see cref="TopicStandfirst.ExtraText"/>) is read where <paramref name="standfirst"/> says (the model's
    /// <see cref="TopicStandfirst.PlacementOf"/>): as the first paragraph, or after the headline.
    /// </summary>
    public static AnalyzedArticle Prepare(TopicRecord record, StandfirstPlacement standfirst = StandfirstPlacement.None)
    {
        ArgumentNullException.ThrowIfNull(record);
        var paragraphs = JsonLinesReader.SplitParagraphs(record.Text);
        var headline = record.Title?.Trim();
        var extra = standfirst == StandfirstPlacement.None ? null : TopicStandfirst.ExtraText(record.Standfirst, record.Text);
        if (extra is not null && standfirst == StandfirstPlacement.Paragraph)
        {
            paragraphs = [extra, .. paragraphs];
        }
        else if (extra is not null)
        {
            headline = string.IsNullOrEmpty(headline) ? extra : $"{headline} {extra}";
        }

        var article = new Article
        {
            Id = record.Id,
            Source = record.Source,
            Headline = headline,
            Paragraphs = paragraphs,
            Format = "jsonl",
        };
        var doc = new AnalyzedArticle(article);
        Text.Annotate(doc);
        return doc;
    }

    /// <summary>Prepares many records on up to two threads (the machine's cores), keeping their order.</summary>
    public static AnalyzedArticle[] PrepareAll(IReadOnlyList<TopicRecord> records, StandfirstPlacement standfirst = StandfirstPlacement.None)
    {
        var docs = new AnalyzedArticle[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => docs[i] = Prepare(records[i], standfirst));
        return docs;
    }
}
