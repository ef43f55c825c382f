using Marsad.Model;
using Marsad.Search;

namespace Marsad.Stories;

/// <summary>
/// What story clustering looks at in one article: the light stems (<see cref="SearchTerms"/>, the text layer's) of its
/// headline (weighted up) and lead paragraphs, its entity keys, its outlet and its time.
/// </summary>
public sealed record StoryFeatures(string ArticleId, DateTimeOffset Time, string? Headline, string? Source, IReadOnlyDictionary<string, float> Terms, IReadOnlyList<string> EntityKeys)
{
    /// <summary>Headline words count this many times body words: the headline names the event.</summary>
    public const float HeadlineWeight = 3f;

    /// <summary>Only the lead paragraphs: later paragraphs drift into background.</summary>
    public const int LeadParagraphs = 4;

    /// <summary>Features from an analysed article: the stems come from its token layer when it has one (no second segmentation).</summary>
    public static StoryFeatures From(AnalyzedArticle doc, DateTimeOffset fallbackTime)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Article;
        var entities = doc.Entities.Select(e => e.Key);
        if (doc.Tokens.Count == 0)
        {
            return From(a.Id, a.PublishedAt ?? fallbackTime, a.Headline, a.Source, a.Paragraphs, entities);
        }

        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        var paragraphs = 0;
        var block = 0;
        foreach (var token in doc.Tokens)
        {
            while (block < doc.Blocks.Count && doc.Blocks[block].End <= token.Start)
            {
                if (doc.Blocks[block].Kind == BlockKind.Paragraph)
                {
                    paragraphs++;
                }

                block++;
            }

            if (block == doc.Blocks.Count || paragraphs >= LeadParagraphs)
            {
                break;
            }

            var kind = doc.Blocks[block].Kind;
            if (kind != BlockKind.Caption && token.Stem is { } stem)
            {
                AddStem(terms, stem, kind == BlockKind.Headline ? HeadlineWeight : 1f);
            }
        }

        return new StoryFeatures(a.Id, a.PublishedAt ?? fallbackTime, a.Headline, a.Source, terms, Distinct(entities));
    }

    /// <summary>Features from an article's fields and entity keys (used to re-cluster stored analyses); the same stems as the token layer's.</summary>
    public static StoryFeatures From(string id, DateTimeOffset time, string? headline, string? source, IEnumerable<string> paragraphs, IEnumerable<string> entityKeys)
    {
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        var stems = new SearchTermList();
        void AddText(string? text, float weight)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            stems.Clear();
            SearchTerms.Analyse(text, 0, text.Length, null, stems);
            for (var i = 0; i < stems.Count; i++)
            {
                AddStem(terms, stems.Term(i), weight);
            }
        }

        AddText(headline, HeadlineWeight);
        foreach (var paragraph in paragraphs.Where(p => !string.IsNullOrWhiteSpace(p)).Take(LeadParagraphs))
        {
            AddText(paragraph, 1f);
        }

        return new StoryFeatures(id, time, headline, source, terms, Distinct(entityKeys));
    }

    private static List<string> Distinct(IEnumerable<string> keys) => keys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();

    private static void AddStem(Dictionary<string, float> terms, ReadOnlySpan<char> stem, float weight)
    {
        // Numbers and one-letter stems say nothing about the event; function words even less.
        if (stem.Length < 2 || char.IsDigit(stem[0]) || StopWordsBySpan.Contains(stem))
        {
            return;
        }

        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        lookup[stem] = (lookup.TryGetValue(stem, out var w) ? w : 0f) + weight;
    }

    /// <summary>Function words and news-reporting verbs, as light stems (folded, clitics and suffixes removed).</summary>
    private static readonly HashSet<string> StopWords = new(
        new[]
        {
            "في", "من", "على", "الى", "إلى", "عن", "مع", "ان", "أن", "إن", "هذا", "هذه", "ذلك", "التي", "الذي", "الذين", "كان", "كانت", "قد", "لا", "لم", "لن",
            "ما", "ماذا", "هو", "هي", "هم", "نحن", "انه", "أنه", "بين", "بعد", "قبل", "حتى", "عند", "كل", "بعض", "غير", "او", "أو", "ثم", "كما", "اي", "أي", "وقد",
            "قال", "قالت", "اضاف", "أضاف", "اكد", "أكد", "اعلن", "أعلن", "وفق", "وفقا", "حسب", "بحسب", "خلال", "منذ", "اليوم", "امس", "أمس", "يوم", "عام", "العام",
            "الان", "الآن", "ايضا", "أيضا", "حيث", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "له", "لها", "هناك", "اذا", "إذا", "لكن", "ولكن", "عبر", "نحو",
            "تم", "يتم", "وكان", "ويذكر", "يذكر", "اشار", "أشار", "الى", "مساء", "صباح", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
        }.Select(SearchTerms.Stem),
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordsBySpan = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
