using Marsad.Duplicates;
using Marsad.Model;

namespace Marsad.Tests.Duplicates;

public sealed class NearDuplicateIndexTests
{
    private const string Body1 = "أعلنت وزارة الصحة اليوم عن حملة تطعيم وطنية تشمل جميع المحافظات وتستمر أسبوعين.";
    private const string Body2 = "وقال الوزير في مؤتمر صحفي إن الحملة تستهدف الأطفال دون سن الخامسة وكبار السن.";
    private const string Body3 = "وأضاف أن الفرق الطبية ستزور المدارس والقرى النائية لضمان وصول اللقاح إلى الجميع.";
    private const string Body4 = "وأشار إلى أن الوزارة خصصت خطا ساخنا للرد على أسئلة المواطنين طوال فترة الحملة.";

    private static Article Make(string id, string headline, params string[] paragraphs) =>
        new() { Id = id, Headline = headline, Paragraphs = paragraphs, Format = "text" };

    [Fact]
    public void An_exact_copy_with_another_headline_and_diacritics_is_found()
    {
        var index = new NearDuplicateIndex();
        var original = ContentFingerprint.Of(Make("a", "حملة تطعيم", Body1, Body2, Body3));
        index.Add("a", original.ExactHash, original.Signature);
        var copy = ContentFingerprint.Of(Make("b", "الصحة تطلق حملة", Body1.Replace("اليوم", "اليَوْم", StringComparison.Ordinal), Body2, Body3));
        var match = index.Find(copy);
        Assert.NotNull(match);
        Assert.Equal("a", match.OriginalId);
        Assert.Equal(DuplicateKind.Exact, match.Kind);
    }

    [Fact]
    public void A_copy_with_one_added_paragraph_is_a_near_duplicate()
    {
        var index = new NearDuplicateIndex();
        var original = ContentFingerprint.Of(Make("a", "حملة تطعيم", Body1, Body2, Body3, Body4));
        index.Add("a", original.ExactHash, original.Signature);
        var copy = ContentFingerprint.Of(Make("b", "حملة", Body1, Body2, Body3, Body4, "وتابعت الوكالة أن مزيدا من التفاصيل سينشر لاحقا."));
        var match = index.Find(copy);
        Assert.NotNull(match);
        Assert.Equal(DuplicateKind.Near, match.Kind);
        Assert.InRange(match.Similarity, 0.8, 1.0);
    }

    [Fact]
    public void An_article_on_the_same_topic_in_other_words_is_not_a_duplicate()
    {
        var index = new NearDuplicateIndex();
        var original = ContentFingerprint.Of(Make("a", "حملة تطعيم", Body1, Body2, Body3, Body4));
        index.Add("a", original.ExactHash, original.Signature);
        var other = ContentFingerprint.Of(Make("b", "حملة", "بدأت اليوم حملة التطعيم في العاصمة وسط إقبال كبير من الأهالي.", Body4));
        Assert.Null(index.Find(other));
    }

    [Fact]
    public void An_empty_article_matches_nothing_and_its_similarity_is_defined()
    {
        var index = new NearDuplicateIndex();
        var empty = ContentFingerprint.Of(Make("e", string.Empty));
        Assert.Null(index.Find(empty));
        index.Add("e", empty.ExactHash, empty.Signature);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Signatures_survive_a_round_trip_through_bytes()
    {
        var f = ContentFingerprint.Of(Make("a", "h", Body1, Body2));
        Assert.Equal(f.Signature, ContentFingerprint.SignatureFromBytes(f.SignatureBytes()));
    }
}
