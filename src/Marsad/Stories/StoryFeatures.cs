using Marsad.Model;
using Marsad.Search;

namespace Marsad.Stories;

/// <summary>
/// What story clustering looks at in one article: folded light stems of its headline (weighted up)
/// and lead paragraphs, its entity keys, its outlet and its time.
/// </summary>
public sealed record StoryFeatures(string ArticleId, DateTimeOffset Time, string? Headline, string? Source, IReadOnlyDictionary<string, float> Terms, IReadOnlyList<string> EntityKeys)
{
    /// <summary>Headline words count this many times body words: the headline names the event.</summary>
    public const float HeadlineWeight = 3f;

    /// <summary>Only the lead paragraphs: later paragraphs drift into background.</summary>
    public const int LeadParagraphs = 4;

    public static StoryFeatures From(AnalyzedArticle doc, DateTimeOffset fallbackTime)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var a = doc.Article;
        return From(a.Id, a.PublishedAt ?? fallbackTime, a.Headline, a.Source, a.Paragraphs, doc.Entities.Select(e => e.Key));
    }

    /// <summary>Features from an article's fields and entity keys (used to re-cluster stored analyses).</summary>
    public static StoryFeatures From(string id, DateTimeOffset time, string? headline, string? source, IEnumerable<string> paragraphs, IEnumerable<string> entityKeys)
    {
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        void AddText(string? text, float weight)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }

            SearchFolding.ForEachWord(text, word =>
            {
                var stem = SearchFolding.Stem(word);
                if (stem.Length < 2 || StopWords.Contains(stem) || char.IsDigit(stem[0]))
                {
                    return;
                }

                terms[stem] = terms.GetValueOrDefault(stem) + weight;
            });
        }

        AddText(headline, HeadlineWeight);
        foreach (var paragraph in paragraphs.Take(LeadParagraphs))
        {
            AddText(paragraph, 1f);
        }

        var entities = entityKeys.Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal).ToList();
        return new StoryFeatures(id, time, headline, source, terms, entities);
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
        }.Select(SearchFolding.Stem),
        StringComparer.Ordinal);
}
