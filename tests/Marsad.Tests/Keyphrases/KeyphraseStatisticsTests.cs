using Marsad.Keyphrases;

namespace Marsad.Tests.Keyphrases;

public sealed class KeyphraseStatisticsTests
{
    private static readonly string[] Corpus =
    [
        "وزارة الصحة تعلن خطة للمستشفيات",
        "والصحة العالمية تحذر من الوباء",
        "دعم جديد للصحة في مستشفيات الجنوب",
    ];

    [Fact]
    public void Counts_words_by_their_form_without_glued_conjunctions()
    {
        var statistics = KeyphraseStatistics.Learn(Corpus, [], minWord: 1, minBigram: 1);

        // والصحة / الصحة / للصحة are one corpus form: the segmenter removes the conjunction and the preposition.
        Assert.Equal(3, statistics.WordFrequency("الصحة"));
        Assert.True(statistics.Idf("الصحة") < statistics.Idf("الوباء"));
        Assert.Equal(0, statistics.WordFrequency("مطار"));
    }

    [Fact]
    public void Save_and_load_keep_every_frequency()
    {
        var statistics = KeyphraseStatistics.Learn(Corpus, ["تحذر"], minWord: 1, minBigram: 1);
        var path = Path.Combine(Path.GetTempPath(), $"marsad-kp-{Guid.NewGuid():N}.tsv.gz");
        try
        {
            statistics.Save(path);
            var loaded = KeyphraseStatistics.Load(path);
            Assert.Equal(statistics.Documents, loaded.Documents);
            Assert.Equal(statistics.WordCount, loaded.WordCount);
            Assert.Equal(statistics.WordFrequency("الصحة"), loaded.WordFrequency("الصحة"));
            var (a, b) = (loaded.WordId("وزارة"), loaded.WordId("الصحة"));
            Assert.Equal(statistics.BigramFrequency(statistics.WordId("وزارة"), statistics.WordId("الصحة")), loaded.BigramFrequency(a, b));
            Assert.Equal(1, loaded.BigramFrequency(a, b));
            Assert.True(loaded.IsStopWord("تحذر"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
