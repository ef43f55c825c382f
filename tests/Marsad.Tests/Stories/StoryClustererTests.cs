using Marsad.Stories;

namespace Marsad.Tests.Stories;

public sealed class StoryClustererTests
{
    private static readonly DateTimeOffset Day = new(2024, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private static StoryFeatures Features(string id, string headline, string lead, DateTimeOffset time, params string[] entities) =>
        StoryFeatures.From(id, time, headline, "wire", [lead], entities);

    private static StoryClusterer Warm()
    {
        // Background articles give the document frequencies meaning.
        var clusterer = new StoryClusterer();
        string[] topics = ["أسعار النفط ترتفع في الأسواق العالمية", "منتخب الكرة يفوز في مباراة ودية", "افتتاح معرض الكتاب في العاصمة", "موجة حر تضرب المنطقة", "البنك المركزي يثبت سعر الفائدة", "انتخابات بلدية في عدة مدن"];
        for (var i = 0; i < topics.Length; i++)
        {
            clusterer.Assign(Features($"bg{i}", topics[i], topics[i] + " وسط توقعات باستمرار الوضع خلال الأسبوع المقبل", Day.AddDays(-20 + i)));
        }

        return clusterer;
    }

    [Fact]
    public void Two_outlets_reporting_the_same_event_share_a_story()
    {
        var clusterer = Warm();
        var first = clusterer.Assign(Features("a", "زلزال بقوة 6 درجات يضرب جنوب تركيا", "ضرب زلزال بقوة ست درجات جنوب تركيا فجر اليوم وأسفر عن سقوط ضحايا", Day, "LOC:تركيا"));
        var second = clusterer.Assign(Features("b", "مقتل العشرات في زلزال جنوب تركيا", "لقي العشرات حتفهم في زلزال قوي ضرب جنوب تركيا فجر اليوم", Day.AddHours(5), "LOC:تركيا"));
        Assert.True(first.IsNew);
        Assert.False(second.IsNew);
        Assert.Equal(first.StoryId, second.StoryId);
        var story = clusterer.Story(first.StoryId)!;
        Assert.Equal(2, story.Size);
        Assert.Equal(Day, story.FirstSeen);
        Assert.Equal(Day.AddHours(5), story.LastSeen);
        Assert.Equal(["LOC:تركيا"], story.TopEntities(3));
    }

    [Fact]
    public void An_unrelated_article_starts_its_own_story()
    {
        var clusterer = Warm();
        var quake = clusterer.Assign(Features("a", "زلزال بقوة 6 درجات يضرب جنوب تركيا", "ضرب زلزال بقوة ست درجات جنوب تركيا فجر اليوم", Day));
        var other = clusterer.Assign(Features("b", "ارتفاع أسعار الذهب إلى مستوى قياسي", "سجلت أسعار الذهب مستوى قياسيا جديدا في تعاملات اليوم", Day));
        Assert.NotEqual(quake.StoryId, other.StoryId);
        Assert.True(other.IsNew);
    }

    [Fact]
    public void The_same_words_weeks_apart_are_another_story()
    {
        var clusterer = Warm();
        var first = clusterer.Assign(Features("a", "زلزال بقوة 6 درجات يضرب جنوب تركيا", "ضرب زلزال جنوب تركيا", Day));
        var later = clusterer.Assign(Features("b", "زلزال بقوة 6 درجات يضرب جنوب تركيا", "ضرب زلزال جنوب تركيا", Day.AddDays(30)));
        Assert.NotEqual(first.StoryId, later.StoryId);
    }

    [Fact]
    public void Changed_stories_and_terms_are_reported_once()
    {
        var clusterer = new StoryClusterer();
        clusterer.Assign(Features("a", "زلزال يضرب تركيا", "ضرب زلزال تركيا", Day));
        Assert.Single(clusterer.TakeChangedStories());
        Assert.NotEmpty(clusterer.TakeChangedTerms());
        Assert.Empty(clusterer.TakeChangedStories());
        Assert.Empty(clusterer.TakeChangedTerms());
    }

    [Fact]
    public void A_restored_story_keeps_attracting_its_event()
    {
        var original = Warm();
        var first = original.Assign(Features("a", "زلزال بقوة 6 درجات يضرب جنوب تركيا", "ضرب زلزال بقوة ست درجات جنوب تركيا فجر اليوم وأسفر عن سقوط ضحايا", Day));
        var saved = original.Story(first.StoryId)!;
        var terms = original.TakeChangedTerms();

        var restored = new StoryClusterer();
        foreach (var (term, df) in terms)
        {
            restored.RestoreTerm(term, df);
        }

        restored.RestoreDocumentCount(original.DocumentCount);
        restored.RestoreStory(StoryState.Restore(restored, saved.Id, saved.FirstSeen, saved.LastSeen, saved.Size, saved.Headline, saved.RepresentativeId, saved.RepresentativeScore, saved.Centroid, saved.EntityCounts, saved.Sources));
        var second = restored.Assign(Features("b", "مقتل العشرات في زلزال جنوب تركيا", "لقي العشرات حتفهم في زلزال قوي ضرب جنوب تركيا فجر اليوم", Day.AddHours(3)));
        Assert.Equal(first.StoryId, second.StoryId);
    }
}
