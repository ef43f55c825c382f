using System.Collections.Frozen;
using Marsad.Text;
using Marsad.Model;

namespace Marsad.Topics;

/// <summary>Where a place is, for the topic model's International / MiddleEast boundary.</summary>
internal enum PlaceRegion : byte
{
    None = 0,

    /// <summary>The 22 member states of the Arab League, their capitals and main cities, and their demonyms.</summary>
    ArabWorld = 1,

    /// <summary>The non-Arab states Arabic outlets file under the Middle East: Israel, Iran, Turkey.</summary>
    MiddleEastNonArab = 2,

    /// <summary>Everywhere else (a hand-picked list of the countries and cities most frequent in the news).</summary>
    Elsewhere = 3,
}

/// <summary>
/// A small hand-written table of place names (facts: country, capital and city names and demonyms, no external
/// data set), looked up by a token's stem segment (clitics and the article removed: والعراق → عراق). The names
/// are read through the same text layer as the articles, so their keys are normalised exactly like the tokens'.
/// Only single words: a multi-word name is represented by a distinctive word of it (واشنطن, امريكا).
/// </summary>
internal static class PlaceGazetteer
{
    // Country / city names; each name of a demonym list also gets the feminine and plural forms (ة, ون, ين).
    private const string ArabPlaces =
        "مصر القاهرة الإسكندرية السعودية الرياض جدة مكة العراق بغداد البصرة الموصل أربيل كركوك الفلوجة الأنبار " +
        "سوريا سورية دمشق حلب إدلب حمص حماة درعا الرقة لبنان بيروت صيدا الأردن عمان الأردني فلسطين القدس غزة " +
        "الضفة رام نابلس جنين الخليل رفح الكويت الإمارات أبوظبي دبي الشارقة قطر الدوحة البحرين المنامة " +
        "مسقط اليمن صنعاء عدن الحديدة تعز مأرب ليبيا طرابلس بنغازي مصراتة تونس الجزائر المغرب الرباط " +
        "موريتانيا نواكشوط السودان الخرطوم دارفور الصومال مقديشو جيبوتي الخليج";

    private const string ArabDemonyms =
        "مصري سعودي عراقي سوري لبناني أردني فلسطيني كويتي إماراتي قطري بحريني عماني يمني ليبي تونسي جزائري " +
        "مغربي موريتاني سوداني صومالي خليجي حوثي";

    private const string MiddleEastPlaces = "إسرائيل أبيب إيران طهران تركيا أنقرة إسطنبول";

    private const string MiddleEastDemonyms = "إسرائيلي إيراني تركي";

    private const string ElsewherePlaces =
        "أمريكا أميركا واشنطن نيويورك كاليفورنيا فلوريدا تكساس روسيا موسكو أوكرانيا كييف الصين بكين اليابان " +
        "طوكيو كوريا سيول بيونغ الهند نيودلهي باكستان أفغانستان كابول بريطانيا لندن إنجلترا فرنسا باريس ألمانيا " +
        "برلين إيطاليا روما إسبانيا مدريد أوروبا بروكسل بلجيكا هولندا السويد النرويج بولندا اليونان النمسا سويسرا " +
        "جنيف كندا أوتاوا المكسيك البرازيل الأرجنتين فنزويلا كوبا كولومبيا أستراليا نيجيريا إثيوبيا كينيا " +
        "أفريقيا إفريقيا آسيا ميانمار إندونيسيا ماليزيا الفلبين فيتنام تايوان تايلاند بنغلاديش سريلانكا";

    private const string ElsewhereDemonyms =
        "أمريكي أميركي روسي أوكراني صيني ياباني كوري هندي باكستاني أفغاني بريطاني فرنسي ألماني إيطالي إسباني " +
        "أوروبي كندي مكسيكي برازيلي أسترالي أفريقي إفريقي آسيوي";

    private static readonly Lazy<FrozenDictionary<string, PlaceRegion>> Table = new(Build);

    /// <summary>The region of a word token (by its stem segment), or <see cref="PlaceRegion.None"/>.</summary>
    public static PlaceRegion RegionOf(TokenAnnotation token)
    {
        var key = StemForm(token);
        return key is not null && Table.Value.TryGetValue(key, out var region) ? region : PlaceRegion.None;
    }

    /// <summary>The token's stem segment (without proclitics, the article or enclitics), or its normalised form.</summary>
    private static string? StemForm(TokenAnnotation token)
    {
        foreach (var segment in token.Segments)
        {
            if (segment.Role == SegmentRole.Stem)
            {
                return segment.Form;
            }
        }

        return token.Segments.Count == 0 ? token.Normalized : null;
    }

    private static FrozenDictionary<string, PlaceRegion> Build()
    {
        var table = new Dictionary<string, PlaceRegion>(StringComparer.Ordinal);
        Add(table, ArabPlaces, PlaceRegion.ArabWorld);
        Add(table, WithInflections(ArabDemonyms), PlaceRegion.ArabWorld);
        Add(table, MiddleEastPlaces, PlaceRegion.MiddleEastNonArab);
        Add(table, WithInflections(MiddleEastDemonyms), PlaceRegion.MiddleEastNonArab);
        Add(table, ElsewherePlaces, PlaceRegion.Elsewhere);
        Add(table, WithInflections(ElsewhereDemonyms), PlaceRegion.Elsewhere);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Each demonym with its feminine and sound plural forms (سوري → سورية، سوريون، سوريين).</summary>
    private static string WithInflections(string demonyms) =>
        string.Join(' ', demonyms.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(d => new[] { d, d + "ة", d + "ون", d + "ين" }));

    /// <summary>Reads the names through the text layer (one paragraph) and keys them by their stem segment; the first region wins.</summary>
    private static void Add(Dictionary<string, PlaceRegion> table, string names, PlaceRegion region)
    {
        var doc = TopicDocuments.Prepare(new TopicRecord("places", null, string.Empty, null, names));
        foreach (var token in doc.Tokens)
        {
            if (token.Kind == TokenKind.ArabicWord && StemForm(token) is { Length: > 1 } key)
            {
                table.TryAdd(key, region);
            }
        }
    }
}

/// <summary>
/// The places one article names, by region and zone (headline, first paragraph, anywhere), turned into a few
/// indicator keys for <see cref="TopicFeatureFamilies.Places"/>. A class, not a struct, to keep the feature loop simple;
/// one per article is negligible next to the tokens.
/// </summary>
internal sealed class PlaceCounts
{
    private const int Regions = 4;
    private readonly int[] _headline = new int[Regions];
    private readonly int[] _lead = new int[Regions];
    private readonly int[] _all = new int[Regions];
    private PlaceRegion _firstInBody;

    public void Add(PlaceRegion region, bool inHeadline, bool inLead)
    {
        _all[(int)region]++;
        if (inHeadline)
        {
            _headline[(int)region]++;
        }
        else if (_firstInBody == PlaceRegion.None)
        {
            _firstInBody = region;
        }

        if (inLead)
        {
            _lead[(int)region]++;
        }
    }

    /// <summary>
    /// Keys (zone × region present, the first place of the body, and the binned share of Middle-East places, Arab
    /// or not, among all places named); a zone that names no place gives its own "none" key.
    /// </summary>
    public IEnumerable<uint> FeatureKeys()
    {
        for (var zone = 0u; zone < 2; zone++)
        {
            var counts = zone == 0 ? _headline : _lead;
            var any = false;
            for (var r = 1; r < Regions; r++)
            {
                if (counts[r] > 0)
                {
                    any = true;
                    yield return (zone << 8) | (uint)r;
                }
            }

            if (!any)
            {
                yield return zone << 8;
            }
        }

        yield return (2u << 8) | (uint)_firstInBody;
        var near = _all[(int)PlaceRegion.ArabWorld] + _all[(int)PlaceRegion.MiddleEastNonArab];
        var total = near + _all[(int)PlaceRegion.Elsewhere];
        // Bins: no place, none near, under a quarter, under a half, under three quarters, under all, all near.
        var bin = total == 0 ? 0u
            : near == 0 ? 1u
            : near == total ? 6u
            : 2u + (uint)Math.Min(3, 4 * near / total);
        yield return (3u << 8) | bin;
    }
}
