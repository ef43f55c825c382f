using Marsad.Model;
using Marsad.Search;
using Marsad.Stories;
using Marsad.Text;

namespace Marsad.Tests.Search;

public sealed class SearchTermsTests
{
    private static List<(string Term, int Increment)> Surface(string text)
    {
        var list = new SearchTermList();
        SearchTerms.Analyse(text, 0, text.Length, list, null);
        return Enumerable.Range(0, list.Count).Select(i => (list.TermString(i), list[i].PositionIncrement)).ToList();
    }

    private static List<string> Stems(string text)
    {
        var list = new SearchTermList();
        SearchTerms.Analyse(text, 0, text.Length, null, list);
        return Enumerable.Range(0, list.Count).Select(list.TermString).ToList();
    }

    [Theory]
    [InlineData("لروسيا", "روسيا")]
    [InlineData("وروسيا", "روسيا")]
    [InlineData("وبطهران", "طهران")]
    public void A_word_with_proclitics_carries_its_clitic_free_form_at_the_same_position(string word, string cliticFree)
    {
        var terms = Surface(word);
        Assert.Equal([(word, 1), (cliticFree, 0)], terms);
    }

    [Theory]
    [InlineData("لبنان")]
    [InlineData("فلسطين")]
    [InlineData("روسيا")]
    public void Names_whose_first_letter_looks_like_a_clitic_stay_whole(string word) => Assert.Equal([(word, 1)], Surface(word));

    [Theory]
    [InlineData("الشمالية", "الشماليه")]
    [InlineData("أعلنت", "اعلنت")]
    [InlineData("إيران", "ايران")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("اَلسَّلامُ", "السلام")]
    [InlineData("Reuters", "reuters")]
    [InlineData("٢٠٢٤", "2024")]
    public void Spelling_variants_fold_to_one_surface_form(string word, string expected) => Assert.Equal(expected, Surface(word)[0].Term);

    [Theory]
    [InlineData("والمفاوضات", "مفاوض")]
    [InlineData("بالمفاوضات", "مفاوض")]
    [InlineData("للمفاوضين", "مفاوض")]
    public void Stems_drop_clitics_and_one_light_suffix(string word, string expected) => Assert.Equal([expected], Stems(word));

    [Theory]
    [InlineData("حكومته", "الحكومة")]
    [InlineData("بلبنان", "لبنان")]
    [InlineData("ووزارتها", "الوزارة")]
    public void Inflected_and_cliticised_forms_share_the_stem(string word, string other) => Assert.Equal(Stems(other), Stems(word));

    [Fact]
    public void Punctuation_quotes_and_empty_text_give_no_terms()
    {
        Assert.Empty(Surface(string.Empty));
        Assert.Empty(Surface("«» - ، .؟!"));
        Assert.Empty(Stems("\u064E\u0651"));
    }

    [Fact]
    public void Offsets_point_at_the_word_in_the_text()
    {
        const string text = "قال: «وصل الوفد لروسيا»";
        var list = new SearchTermList();
        SearchTerms.Analyse(text, 0, text.Length, list, null);
        var russia = Enumerable.Range(0, list.Count).First(i => list.TermString(i) == "روسيا");
        Assert.Equal("لروسيا", text[list[russia].Start..list[russia].End]);
    }

    [Fact]
    public void Terms_from_the_token_layer_equal_terms_from_the_text()
    {
        // The index builds a document's terms from its token layer and a query's from its text: they must agree.
        var article = new Article
        {
            Id = "t1",
            Source = "wire",
            Format = "text",
            Headline = "وزير الخارجية الإيراني يصل لروسيا",
            Paragraphs = ["وصل وزيرُ الخارجية الإيراني إلى موسكو، صباح الأحد، في زيارةٍ تستغرق يومين للمشاركة بالمفاوضات.", "وقالت الوكالة إن الوزير سيلتقي نظيره الروسي و@رويترز لبحث الملف النووي بنسبة 15% في 2024 (Reuters)."],
        };
        var doc = new AnalyzedArticle(article);
        new TextAnnotator().Annotate(doc);
        var fromTokens = (Surface: new SearchTermList(), Stems: new SearchTermList());
        var fromText = (Surface: new SearchTermList(), Stems: new SearchTermList());
        SearchTerms.FromTokens(doc.Text, doc.Tokens, 0, doc.Text.Length, fromTokens.Surface, fromTokens.Stems);
        SearchTerms.Analyse(doc.Text, 0, doc.Text.Length, fromText.Surface, fromText.Stems);
        Assert.Equal(Dump(fromText.Surface), Dump(fromTokens.Surface));
        Assert.Equal(Dump(fromText.Stems), Dump(fromTokens.Stems));
        Assert.True(fromText.Surface.Count > 30);
    }

    [Fact]
    public void Story_features_from_the_token_layer_equal_features_from_the_text()
    {
        var article = new Article
        {
            Id = "t2",
            Source = "wire",
            Format = "text",
            Headline = "الحكومة تعلن خطة لدعم المزارعين",
            Paragraphs = ["أعلنت الحكومةُ اليوم خطةً جديدة لدعم المزارعين بقروض ميسرة.", "وقال وزير الزراعة إن الخطة تشمل ثلاثة آلاف مزارع."],
            PublishedAt = new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero),
        };
        var doc = new AnalyzedArticle(article);
        new TextAnnotator().Annotate(doc);
        var fromTokens = StoryFeatures.From(doc, DateTimeOffset.UnixEpoch);
        var fromText = StoryFeatures.From(article.Id, fromTokens.Time, article.Headline, article.Source, article.Paragraphs, []);
        Assert.Equal(fromText.Terms.OrderBy(t => t.Key, StringComparer.Ordinal), fromTokens.Terms.OrderBy(t => t.Key, StringComparer.Ordinal));
        // المزارعين in the headline and the first paragraph, مزارع in the second.
        Assert.Equal(StoryFeatures.HeadlineWeight + 2, fromText.Terms["مزارع"]);
    }

    [Fact]
    public void Random_strings_never_break_the_analysis()
    {
        var random = new Random(5);
        for (var i = 0; i < 500; i++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 300)).Select(_ => (char)random.Next(0x20, 0x700)).Where(c => !char.IsSurrogate(c)).ToArray();
            var text = new string(chars);
            var surface = new SearchTermList();
            var stems = new SearchTermList();
            SearchTerms.Analyse(text, 0, text.Length, surface, stems);
            for (var t = 0; t < surface.Count; t++)
            {
                Assert.InRange(surface[t].Start, 0, text.Length);
                Assert.InRange(surface[t].End, surface[t].Start, text.Length);
            }
        }
    }

    private static List<string> Dump(SearchTermList list) =>
        Enumerable.Range(0, list.Count).Select(i => $"{list.TermString(i)}@{list[i].Start}-{list[i].End}/{list[i].PositionIncrement}").ToList();
}
