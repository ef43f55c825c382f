using Marsad.Storage.Search;

namespace Marsad.Storage.Tests.Search;

public sealed class MarsadAnalyzerTests
{
    private static SearchIndex IndexOf(IndexAnalysis analysis, params (string Id, string Headline, string Text)[] docs)
    {
        var index = SearchIndex.InMemory(analysis);
        foreach (var (id, headline, text) in docs)
        {
            index.Put(new IndexDocument(id, headline, headline + "\n\n" + text, "wire", "دولي", new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero), null, id == "b" ? ["LOC:روسيا"] : []));
        }

        index.Commit();
        return index;
    }

    private static List<string> Ids(SearchIndex index, string query) =>
        index.Search(new SearchQuery(query) { Highlights = false, Limit = 10 }).Hits.Select(h => h.Id).ToList();

    [Fact]
    public void Russia_finds_the_word_with_prepositions_and_conjunctions()
    {
        using var index = IndexOf(
            IndexAnalysis.Marsad,
            ("a", "زيارة مرتقبة", "وصل الوفد لروسيا صباح الأحد."),
            ("b", "محادثات", "اتفقت الصين وروسيا على توسيع التعاون."),
            ("c", "أمطار غزيرة", "هطلت أمطار غزيرة على العاصمة."));
        var ids = Ids(index, "روسيا");
        Assert.Contains("a", ids);
        Assert.Contains("b", ids);
        Assert.DoesNotContain("c", ids);
    }

    [Fact]
    public void North_Korea_matches_across_teh_marbuta_and_heh()
    {
        using var index = IndexOf(
            IndexAnalysis.Marsad,
            ("a", "تجربة صاروخية", "أطلقت كوريا الشماليه صاروخا جديدا."),
            ("b", "قمة", "التقى رئيس كوريا الجنوبية نظيره الياباني."));
        Assert.Equal(["a"], Ids(index, "\"كوريا الشمالية\""));
    }

    [Fact]
    public void A_phrase_matches_words_in_order_only()
    {
        using var index = IndexOf(
            IndexAnalysis.Marsad,
            ("a", "خبر", "قال وزير الخارجية إن المحادثات مستمرة."),
            ("b", "خبر آخر", "قالت الخارجية إن الوزير سيزور البلاد."));
        Assert.Equal(["a"], Ids(index, "\"وزير الخارجية\""));
    }

    [Fact]
    public void Diacritics_and_hamza_forms_in_the_query_are_folded()
    {
        using var index = IndexOf(IndexAnalysis.Marsad, ("a", "انتخابات", "أعلنت اللجنة إجراء الانتخابات في موعدها."));
        Assert.Equal(["a"], Ids(index, "اَلاِنْتِخَابَات اعلنت"));
    }

    [Fact]
    public void The_stock_arabic_analyzer_misses_a_clitic_the_marsad_analyzer_finds()
    {
        var doc = ("a", "زيارة", "وصل الوفد لروسيا صباح الأحد.");
        using var marsad = IndexOf(IndexAnalysis.Marsad, doc);
        using var stock = IndexOf(IndexAnalysis.LuceneArabic, doc);
        Assert.Equal(["a"], Ids(marsad, "روسيا"));
        Assert.Empty(Ids(stock, "روسيا"));
    }

    [Fact]
    public void Filters_restrict_by_entity_source_and_date()
    {
        using var index = IndexOf(
            IndexAnalysis.Marsad,
            ("a", "زيارة", "وصل الوفد لروسيا."),
            ("b", "محادثات", "اتفقت الصين وروسيا."));
        var byEntity = index.Search(new SearchQuery("روسيا") { EntityKey = "LOC:روسيا" });
        Assert.Equal(["b"], byEntity.Hits.Select(h => h.Id));
        Assert.Empty(index.Search(new SearchQuery("روسيا") { Source = "other" }).Hits);
        Assert.Equal(2, index.Search(new SearchQuery("روسيا") { Source = "WIRE" }).TotalHits);
        Assert.Empty(index.Search(new SearchQuery("روسيا") { From = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero) }).Hits);
    }

    [Fact]
    public void Highlights_mark_the_matched_word_in_its_clitic_form()
    {
        using var index = IndexOf(IndexAnalysis.Marsad, ("a", "زيارة", "وصل الوفد لروسيا صباح الأحد."));
        var text = "زيارة\n\nوصل الوفد لروسيا صباح الأحد.";
        var hit = Assert.Single(index.Search(new SearchQuery("روسيا"), (ids, _) => ids.ToDictionary(id => id, _ => new HitSource("زيارة", null, null, null, null, text))).Hits);
        Assert.Contains($"{HighlightMarkers.Open}لروسيا{HighlightMarkers.Close}", string.Concat(hit.Highlights), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fragment_holding_most_query_words_comes_first_and_stems_are_marked()
    {
        var filler = string.Join(' ', Enumerable.Repeat("وتابعت الصحف المحلية تطورات الأحداث في المنطقة.", 6));
        var text = $"اجتماع\n\nوصل الوفد إلى موسكو. {filler} وبدأت المفاوضات بين الوفد الروسي والوفد الإيراني في موسكو.";
        using var index = IndexOf(IndexAnalysis.Marsad, ("a", "اجتماع", text["اجتماع\n\n".Length..]));
        var hit = Assert.Single(index.Search(new SearchQuery("مفاوضات موسكو"), (ids, _) => ids.ToDictionary(id => id, _ => new HitSource(null, null, null, null, null, text))).Hits);
        Assert.Equal(2, hit.Highlights.Count);
        // The closing sentence has both words (المفاوضات through its stem, موسكو as written).
        Assert.Contains($"{HighlightMarkers.Open}المفاوضات{HighlightMarkers.Close}", hit.Highlights[0], StringComparison.Ordinal);
        Assert.Contains($"{HighlightMarkers.Open}موسكو{HighlightMarkers.Close}", hit.Highlights[0], StringComparison.Ordinal);
        Assert.DoesNotContain("المفاوضات", hit.Highlights[1], StringComparison.Ordinal);
        Assert.All(hit.Highlights, f => Assert.InRange(f.Length, 1, SearchHighlighter.FragmentLength + 40));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("((( AND OR ::: **")]
    [InlineData("\u064E\u064F")]
    public void Empty_or_syntax_only_queries_return_no_hits_without_throwing(string query)
    {
        using var index = IndexOf(IndexAnalysis.Marsad, ("a", "زيارة", "وصل الوفد."));
        Assert.Empty(index.Search(new SearchQuery(query)).Hits);
    }

    [Fact]
    public void Random_strings_never_break_the_analyzer()
    {
        var random = new Random(3);
        using var index = SearchIndex.InMemory(IndexAnalysis.Marsad);
        for (var i = 0; i < 200; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0x700)).ToArray();
            var text = new string(chars.Where(c => !char.IsSurrogate(c)).ToArray());
            index.Put(new IndexDocument($"r{i}", text, text, null, null, null, null, []));
            _ = index.Search(new SearchQuery(text) { Highlights = false });
        }

        index.Commit();
        Assert.Equal(200, index.Count);
    }
}
