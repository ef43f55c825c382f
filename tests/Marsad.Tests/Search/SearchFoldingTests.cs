using Marsad.Search;

namespace Marsad.Tests.Search;

public sealed class SearchFoldingTests
{
    [Theory]
    [InlineData("لروسيا", "روسيا")]
    [InlineData("وروسيا", "روسيا")]
    [InlineData("بروسيا", "روسيا")]
    [InlineData("والشمالية", "شماليه")]
    [InlineData("الشمالية", "شماليه")]
    [InlineData("للرئيس", "رئيس")]
    [InlineData("وبروسيا", "روسيا")]
    public void Proclitics_are_removed(string word, string expected) => Assert.Equal(expected, SearchFolding.Term(word));

    [Theory]
    [InlineData("بلد")]
    [InlineData("ولد")]
    [InlineData("الم")]
    [InlineData("كوريا")]
    public void Short_words_and_kaf_keep_their_first_letters(string word) => Assert.Equal(word, SearchFolding.Term(word));

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إسرائيل", "اسرائيل")]
    [InlineData("آمال", "امال")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("جـــديد", "جديد")]
    [InlineData("٢٠٢٤", "2024")]
    [InlineData("NATO", "nato")]
    public void Spelling_variants_fold_to_one_form(string word, string expected) => Assert.Equal(expected, SearchFolding.Term(word));

    [Theory]
    [InlineData("والمفاوضات", "مفاوض")]
    [InlineData("المعلمون", "معلم")]
    [InlineData("سياستها", "سياست")]
    public void Stems_drop_light_suffixes(string word, string expected) => Assert.Equal(expected, SearchFolding.Stem(word));

    [Fact]
    public void Empty_and_mark_only_words_fold_to_nothing()
    {
        Assert.Equal(string.Empty, SearchFolding.Term(string.Empty));
        Assert.Equal(string.Empty, SearchFolding.Term("\u064E\u0651"));
    }

    [Fact]
    public void Words_are_split_on_spaces_and_punctuation_with_marks_kept_inside()
    {
        var words = new List<string>();
        SearchFolding.ForEachWord("قالَ: «السلام» - 2024!", words.Add);
        Assert.Equal(["قالَ", "السلام", "2024"], words);
    }
}
