using Marsad.Entities.Features;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities;

/// <summary>
/// Completes the tagger's mentions with three kinds of institution, event and facility names whose shape
/// the grammar fixes but which ANERcorp's annotation leaves untagged or cuts short, so a tagger trained on it
/// misses them: an institution head in the construct state followed by its definite genitive chain
/// (جامعة الشرق الأقصى الفيدرالية، وزارة الخارجية الروسية); a definite institution or event head followed by
/// definite relational adjectives (المنتدى الاقتصادي الشرقي، الحزب الديمقراطي); a definite facility noun
/// followed by a number (الرصيف 33). A phrase replaces the tagger's mentions lying inside it and is skipped
/// when a tagger mention crosses its edge; a tagger name is not lengthened when the article uses its shorter
/// form elsewhere. `marsad eval ner` scores the tagger alone, without this pass.
/// The head lists were composed for Marsad.
/// </summary>
public static class NamePhraseRecognizer
{
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char Lam = '\u0644'; // ARABIC LETTER LAM
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char Heh = '\u0647'; // ARABIC LETTER HEH (teh marbuta after NerWordForms.Normalize)
    private const char TehMarbuta = '\u0629'; // ARABIC LETTER TEH MARBUTA

    /// <summary>The longest genitive or adjective chain taken after a head.</summary>
    private const int MaxChain = 4;

    private const int MaxWordLength = 64;

    /// <summary>Heads of institution names that open a construct chain (written without the article).</summary>
    private static readonly HashSet<string> ConstructHeads = Build(
        "جامعة", "وزارة", "منظمة", "وكالة", "هيئة", "معهد", "أكاديمية", "كلية", "مجلس", "محكمة", "منتدى",
        "مؤتمر", "مهرجان", "مصرف", "بنك", "صندوق", "حزب", "رابطة", "نقابة", "بورصة", "مستشفى");

    /// <summary>Heads that take relational adjectives when definite (المنتدى الاقتصادي، الحزب الديمقراطي).</summary>
    private static readonly HashSet<string> AdjectiveHeads = Build(
        "المنتدى", "المؤتمر", "المهرجان", "الحزب", "المجلس", "المصرف", "البنك", "الصندوق", "المعهد",
        "الجامعة", "المنظمة", "الوكالة", "الهيئة", "المحكمة", "الاتحاد", "الجبهة", "الأكاديمية", "البطولة");

    /// <summary>Heads that name an event rather than an organisation.</summary>
    private static readonly HashSet<string> EventHeads = Build(
        "منتدى", "مؤتمر", "مهرجان", "بطولة", "المنتدى", "المؤتمر", "المهرجان", "البطولة");

    /// <summary>
    /// Relational adjectives that describe an occasion rather than name an institution (المؤتمر الصحافي is a
    /// press conference, not a name), compared without the article.
    /// </summary>
    private static readonly HashSet<string> GenericAdjectives = Build(
        "صحافي", "صحفي", "صحافية", "صحفية", "حالي", "حالية", "ماضي", "ماضية", "سنوي", "سنوية", "دوري", "دورية",
        "ثاني", "ثانية", "ختامي", "ختامية", "افتتاحي", "افتتاحية", "تأسيسي", "تأسيسية", "عادي", "عادية",
        "استثنائي", "استثنائية", "بلدي", "بلدية", "محلي", "محلية", "رسمي", "رسمية", "تنفيذي", "تنفيذية");

    /// <summary>Genitives that make a body of a company or school, not a named institution (مجلس الإدارة، هيئة التدريس).</summary>
    private static readonly HashSet<string> GenericGenitives = Build("الإدارة", "التدريس", "الأمناء", "المحافظين");

    /// <summary>Definite facility nouns that a number names (الرصيف 33، البوابة 4).</summary>
    private static readonly HashSet<string> FacilityHeads = Build(
        "الرصيف", "المرفأ", "البوابة", "المبنى", "القاعة", "المحطة", "المنصة", "الجناح", "المدرج", "الحظيرة");

    /// <summary>Adds or completes mentions in <paramref name="doc"/> (after the tagger's mentions are in).</summary>
    public static void Apply(AnalyzedArticle doc)
    {
        var tokens = doc.Tokens;
        Span<char> head = stackalloc char[MaxWordLength];
        Span<char> next = stackalloc char[MaxWordLength];
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.ArabicWord || token.End - token.Start > MaxWordLength)
            {
                continue;
            }

            var headLength = NerWordForms.Normalize(doc.Text.AsSpan(token.Start, token.End - token.Start), head);
            var headForm = head[..headLength];
            var (end, type) = MatchPhrase(doc, i, headForm, next);
            if (end > 0)
            {
                Place(doc, token.Start, end, type);
            }
        }
    }

    private static (int End, string Type) MatchPhrase(AnalyzedArticle doc, int i, ReadOnlySpan<char> headForm, Span<char> buffer)
    {
        var tokens = doc.Tokens;
        var construct = Has(ConstructHeads, headForm);
        var adjectival = !construct && Has(AdjectiveHeads, headForm);
        if (construct || adjectival)
        {
            var last = -1;
            for (var j = i + 1; j < tokens.Count && j <= i + MaxChain && Adjacent(doc, tokens[j - 1], tokens[j]); j++)
            {
                var word = tokens[j];
                if (word.Kind != TokenKind.ArabicWord || word.End - word.Start > MaxWordLength)
                {
                    break;
                }

                var surface = doc.Text.AsSpan(word.Start, word.End - word.Start);
                var length = NerWordForms.Normalize(surface, buffer);
                var form = buffer[..length];
                if (!IsDefinite(form) || ArabicStopWords.Contains(form)
                    || (construct && j == i + 1 && Has(GenericGenitives, form)))
                {
                    break;
                }

                // After the head of a construct comes one genitive noun; every later word, and every word after a
                // definite head, must be an adjective: a nisba (ـي/ـية) or an elative (الأقصى، الأعلى، الأوسط).
                var needsAdjective = adjectival || j > i + 1;
                var isAdjective = IsRelationalAdjective(surface) || IsElative(form);
                if (needsAdjective && (!isAdjective || Has(GenericAdjectives, form[2..])))
                {
                    break;
                }

                // A definite head and its first adjective agree in gender (المجلس العادية describes another noun).
                if (adjectival && j == i + 1 && EndsFeminine(headForm) != EndsFeminine(form))
                {
                    break;
                }

                last = j;
            }

            if (last < 0)
            {
                return (0, "");
            }

            var isEvent = Has(EventHeads, headForm);
            return (tokens[last].End, isEvent ? "MISC" : "ORG");
        }

        if (Has(FacilityHeads, headForm)
            && tokens[i + 1].Kind == TokenKind.Number && Adjacent(doc, tokens[i], tokens[i + 1]))
        {
            return (tokens[i + 1].End, "LOC");
        }

        return (0, "");
    }

    /// <summary>
    /// Adds the phrase unless a mention crosses its edge or already covers it; mentions inside it give way.
    /// A tagger mention that starts at the head keeps its type.
    /// </summary>
    private static void Place(AnalyzedArticle doc, int start, int end, string type)
    {
        var mentions = doc.Mentions;
        var inside = new List<int>();
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.End <= start || mention.Start >= end)
            {
                continue;
            }

            if (mention.Start <= start && mention.End >= end)
            {
                return; // already covered (or equal)
            }

            if (mention.Start < start || mention.End > end)
            {
                return; // crosses the phrase's edge: the tagger's reading stands
            }

            if (mention.Start == start && mention.Type is "ORG" or "MISC")
            {
                // The article names it by the tagger's shorter form elsewhere (حزب الله … حزب الله اللبناني):
                // keep that form so the mentions stay one entity. (The resolver cannot join them itself: a nisba
                // after an ORG name is sometimes a descriptor, اللبناني, and sometimes part of the name, مجلس الأمن
                // القومي ≠ مجلس الأمن — see EntityResolverTests.OrganisationPrefixDoesNotMerge.)
                if (NamedElsewhere(mentions, mention, start, end))
                {
                    return;
                }

                type = mention.Type;
            }

            inside.Add(m);
        }

        for (var k = inside.Count - 1; k >= 0; k--)
        {
            mentions.RemoveAt(inside[k]);
        }

        var at = 0;
        while (at < mentions.Count && mentions[at].Start < start)
        {
            at++;
        }

        mentions.Insert(at, new Mention(start, end, type, doc.Text[start..end]));
    }

    private static bool NamedElsewhere(List<Mention> mentions, Mention shorter, int start, int end)
    {
        foreach (var other in mentions)
        {
            if ((other.End <= start || other.Start >= end) && other.Text == shorter.Text)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two tokens separated by spaces only (no punctuation, no line break).</summary>
    private static bool Adjacent(AnalyzedArticle doc, TokenAnnotation left, TokenAnnotation right)
    {
        for (var c = left.End; c < right.Start; c++)
        {
            if (doc.Text[c] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Has(HashSet<string> words, ReadOnlySpan<char> form) => words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(form);

    private static bool IsDefinite(ReadOnlySpan<char> form) => form.Length > 3 && form[0] == Alef && form[1] == Lam;

    /// <summary>
    /// A nisba adjective on the written surface: ending in yeh (not alef maksura, which ends elatives such as
    /// الكبرى) or in yeh + teh marbuta.
    /// </summary>
    private static bool IsRelationalAdjective(ReadOnlySpan<char> surface)
    {
        var end = surface.Length;
        while (end > 0 && surface[end - 1] is >= '\u064B' and <= '\u0652') // ARABIC FATHATAN..SUKUN
        {
            end--;
        }

        return end > 4 && (surface[end - 1] == Yeh || (surface[end - 1] == TehMarbuta && surface[end - 2] == Yeh));
    }

    /// <summary>The elative pattern أفعل with the article (الأقصى، الأعلى، الأوسط), normalised: ال + ا + three letters.</summary>
    private static bool IsElative(ReadOnlySpan<char> form) => form.Length == 6 && form[2] == Alef;

    private static bool EndsFeminine(ReadOnlySpan<char> form) => form[^1] == Heh;

    private static HashSet<string> Build(params string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            set.Add(NerWordForms.Normalize(word));
        }

        return set;
    }
}
