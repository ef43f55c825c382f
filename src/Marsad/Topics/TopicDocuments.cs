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
    /// The analysed article (text layer only) of one record. With <paramref name="standfirst"/> (a model that reads it,
    /// <see cref="TopicStandfirst.IsReadBy"/>), a standfirst that adds to the body's opening
    /// (<see cref="TopicStandfirst.ExtraText"/>) comes first, as one more paragraph.
    /// </summary>
    public static AnalyzedArticle Prepare(TopicRecord record, bool standfirst = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        var paragraphs = JsonLinesReader.SplitParagraphs(record.Text);
        if (standfirst && TopicStandfirst.ExtraText(record.Standfirst, record.Text) is { } extra)
        {
            paragraphs = [extra, .. paragraphs];
        }

        var article = new Article
        {
            Id = record.Id,
            Source = record.Source,
            Headline = record.Title?.Trim(),
            Paragraphs = paragraphs,
            Format = "jsonl",
        };
        var doc = new AnalyzedArticle(article);
        Text.Annotate(doc);
        return doc;
    }

    /// <summary>Prepares many records on up to two threads (the machine's cores), keeping their order.</summary>
    public static AnalyzedArticle[] PrepareAll(IReadOnlyList<TopicRecord> records, bool standfirst = false)
    {
        var docs = new AnalyzedArticle[records.Count];
        Parallel.For(0, records.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => docs[i] = Prepare(records[i], standfirst));
        return docs;
    }
}
