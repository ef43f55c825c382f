using Marsad.Entities.Kb;
using Marsad.Entities.Resolution;
using Marsad.Model;

namespace Marsad.Tests.Entities;

/// <summary>One test per merging rule, on hand-made mention lists.</summary>
public sealed class EntityResolverTests
{
    private static readonly EntityResolver Resolver = new(TestMentions.SmallKb);
    private static readonly EntityResolver Unlinked = new(KnowledgeBase.Empty);

    private static Entity EntityOf(IReadOnlyList<Entity> entities, Mention mention) =>
        Assert.Single(entities, e => e.Key == mention.EntityKey);

    [Fact]
    public void ShortFormJoinsFullName()
    {
        const string text = "التقى كيم جونغ أون وزيرا. وقال كيم إن الزيارة مهمة. ثم غادر كيم.";
        var mentions = TestMentions.Of(text, ("كيم جونغ أون", "PER"), ("كيم", "PER"));
        var entities = Unlinked.Resolve(mentions, text);

        var entity = Assert.Single(entities);
        Assert.Equal("كيم جونغ أون", entity.CanonicalName);
        Assert.Equal(3, entity.MentionCount);
        Assert.Equal("PER", entity.Type);
        Assert.All(mentions, m => Assert.Equal(entity.Key, m.EntityKey));
    }

    [Fact]
    public void SurnameJoinsFullNameAndTakesKbLink()
    {
        const string text = "قال الرئيس الروسي فلاديمير بوتين إن بوتين سيزور المنطقة.";
        var mentions = TestMentions.Of(text, ("فلاديمير بوتين", "PER"), ("بوتين", "PER"));
        var entity = Assert.Single(Resolver.Resolve(mentions, text));
        Assert.Equal("Q7747", entity.Key);
        Assert.Equal("Q7747", entity.WikidataId);
        Assert.Equal("Vladimir Putin", entity.EnglishName);
        Assert.Equal(2, entity.MentionCount);
    }

    [Fact]
    public void ShortFormPrefersLongestCompatibleName()
    {
        const string text = "وصل كيم جونغ أون. ثم تحدث كيم جونغ. وقال كيم.";
        var mentions = TestMentions.Of(text, ("كيم جونغ أون", "PER"), ("كيم جونغ", "PER"), ("كيم", "PER"));
        var entity = Assert.Single(Unlinked.Resolve(mentions, text));
        Assert.Equal("كيم جونغ أون", entity.CanonicalName);
        Assert.Equal(3, entity.MentionCount);
    }

    [Fact]
    public void CliticFormsMapToBareName()
    {
        const string text = "سافر وفد إلى روسيا. وقدم دعما لروسيا. وقال إن وروسيا شريك. وفي الولايات المتحدة قلق. وقال مسؤول للولايات المتحدة. وهاجم ببوتين وموسكو. وقال بوتين في موسكو.";
        var mentions = TestMentions.Of(text,
            ("روسيا", "LOC"), ("لروسيا", "LOC"), ("وروسيا", "LOC"),
            ("الولايات المتحدة", "LOC"), ("للولايات المتحدة", "LOC"),
            ("ببوتين", "PER"), ("بوتين", "PER"), ("وموسكو", "LOC"), ("موسكو", "LOC"));
        var entities = Unlinked.Resolve(mentions, text);

        var russia = Assert.Single(entities, e => e.CanonicalName == "روسيا");
        Assert.Equal(3, russia.MentionCount);
        var us = Assert.Single(entities, e => e.CanonicalName == "الولايات المتحدة");
        Assert.Equal(2, us.MentionCount);
        Assert.Contains("للولايات المتحدة", us.Variants);
        Assert.Equal(2, Assert.Single(entities, e => e.CanonicalName == "بوتين").MentionCount);
        Assert.Equal(2, Assert.Single(entities, e => e.CanonicalName == "موسكو").MentionCount);
        Assert.Equal(4, entities.Count);
    }

    [Fact]
    public void CliticIsStrippedWhenKbKnowsBareName()
    {
        // لروسيا is the only mention: the knowledge base confirms روسيا.
        const string text = "قدمت الصين دعما لروسيا.";
        var mentions = TestMentions.Of(text, ("لروسيا", "LOC"));
        var entity = Assert.Single(Resolver.Resolve(mentions, text));
        Assert.Equal("روسيا", entity.CanonicalName);
        Assert.Equal("Q159", entity.WikidataId);
    }

    [Fact]
    public void NameThatStartsLikeACliticStaysWhole()
    {
        const string text = "زار لبنان وفد من ليبيا. وقال واتسون إن كيربي وصل.";
        var mentions = TestMentions.Of(text, ("لبنان", "LOC"), ("ليبيا", "LOC"), ("واتسون", "PER"), ("كيربي", "PER"));
        var entities = Resolver.Resolve(mentions, text);
        Assert.Equal(["لبنان", "ليبيا", "واتسون", "كيربي"], entities.Select(e => e.CanonicalName));
    }

    [Fact]
    public void AliasesJoinTheKbEntity()
    {
        const string text = "كوريا الشمالية، المعروفة رسميا باسم جمهورية كوريا الشعبية الديمقراطية. المفاوضات بين روسيا وكوريا الديمقراطية تتقدم.";
        var mentions = TestMentions.Of(text,
            ("كوريا الشمالية", "LOC"), ("جمهورية كوريا الشعبية الديمقراطية", "LOC"), ("وكوريا الديمقراطية", "LOC"), ("روسيا", "LOC"));
        var entities = Resolver.Resolve(mentions, text);
        var korea = Assert.Single(entities, e => e.WikidataId == "Q423");
        Assert.Equal("كوريا الشمالية", korea.CanonicalName);
        Assert.Equal(3, korea.MentionCount);
        Assert.Equal(2, entities.Count);
    }

    [Theory]
    [InlineData("كيم جونج اون")]
    [InlineData("كيم يونغ أون")]
    [InlineData("كيـم جونغ أُون")]
    public void SpellingVariantsMerge(string variant)
    {
        var text = "وصل كيم جونغ أون إلى المدينة. وقال " + variant + " إن الزيارة ناجحة.";
        var mentions = TestMentions.Of(text, ("كيم جونغ أون", "PER"), (variant, "PER"));
        var entity = Assert.Single(Unlinked.Resolve(mentions, text));
        Assert.Equal(2, entity.MentionCount);
    }

    [Fact]
    public void LongVowelSpellingVariantsMerge()
    {
        const string text = "وصل إلى فلاديفوستوك. وفي فلاديفستوك التقى الوفد.";
        var mentions = TestMentions.Of(text, ("فلاديفوستوك", "LOC"), ("فلاديفستوك", "LOC"));
        Assert.Single(Unlinked.Resolve(mentions, text));
    }

    [Fact]
    public void AlefMaksuraAndTehMarbutaVariantsMerge()
    {
        const string text = "قال مصطفى حمزة إن مصطفي حمزه سيعود.";
        var mentions = TestMentions.Of(text, ("مصطفى حمزة", "PER"), ("مصطفي حمزه", "PER"));
        Assert.Single(Unlinked.Resolve(mentions, text));
    }

    [Fact]
    public void TwoPeopleSharingAFirstNameStayApart()
    {
        const string text = "التقى محمد بن سلمان مع محمد شياع السوداني. وقال بن سلمان إن السوداني رحب بالزيارة.";
        var mentions = TestMentions.Of(text, ("محمد بن سلمان", "PER"), ("محمد شياع السوداني", "PER"), ("بن سلمان", "PER"), ("السوداني", "PER"));
        var entities = Unlinked.Resolve(mentions, text);
        Assert.Equal(2, entities.Count);
        Assert.Equal(2, Assert.Single(entities, e => e.CanonicalName == "محمد بن سلمان").MentionCount);
        Assert.Equal(2, Assert.Single(entities, e => e.CanonicalName == "محمد شياع السوداني").MentionCount);
    }

    [Fact]
    public void AmbiguousFirstNameGoesToTheLastMentionedPerson()
    {
        const string text = "وصل محمد علي إلى القاهرة. والتقى محمد حسن بالوزير. وقال محمد إن اللقاء مثمر.";
        var mentions = TestMentions.Of(text, ("محمد علي", "PER"), ("محمد حسن", "PER"), ("محمد", "PER"));
        var entities = Unlinked.Resolve(mentions, text);
        Assert.Equal(2, entities.Count);
        var shortForm = mentions.Single(m => m.Text == "محمد");
        Assert.Equal("محمد حسن", EntityOf(entities, shortForm).CanonicalName);
    }

    [Fact]
    public void NoMergeAcrossPersonAndPlace()
    {
        const string text = "كتب جورج واشنطن رسالة. وفي واشنطن رد المسؤولون.";
        var mentions = TestMentions.Of(text, ("جورج واشنطن", "PER"), ("واشنطن", "LOC"));
        var entities = Resolver.Resolve(mentions, text);
        Assert.Equal(2, entities.Count);
        Assert.Equal("LOC", EntityOf(entities, mentions[1]).Type);
        Assert.Equal("Q61", EntityOf(entities, mentions[1]).WikidataId);
        Assert.Null(EntityOf(entities, mentions[0]).WikidataId);
    }

    [Fact]
    public void PlaceShortFormsDoNotMerge()
    {
        // كوريا alone may be either Korea: containment is a person-name rule only.
        const string text = "زار الوفد كوريا الجنوبية ثم كوريا.";
        var mentions = TestMentions.Of(text, ("كوريا الجنوبية", "LOC"), ("كوريا", "LOC"));
        Assert.Equal(2, Unlinked.Resolve(mentions, text).Count);
    }

    [Fact]
    public void OrganisationEndingJoinsLongerName()
    {
        const string text = "كشفت صحيفة نيويورك تايمز أن نيويورك تايمز حصلت على الوثائق.";
        var mentions = TestMentions.Of(text, ("صحيفة نيويورك تايمز", "ORG"), ("نيويورك تايمز", "ORG"));
        Assert.Single(Unlinked.Resolve(mentions, text));
    }

    [Fact]
    public void OrganisationPrefixDoesNotMerge()
    {
        const string text = "اجتمع مجلس الأمن القومي بعد جلسة مجلس الأمن.";
        var mentions = TestMentions.Of(text, ("مجلس الأمن القومي", "ORG"), ("مجلس الأمن", "ORG"));
        Assert.Equal(2, Unlinked.Resolve(mentions, text).Count);
    }

    [Fact]
    public void TitlesAreStrippedFromPersonNames()
    {
        const string text = "قال الرئيس بوتين إن فلاديمير بوتين لن يتراجع.";
        var mentions = TestMentions.Of(text, ("الرئيس بوتين", "PER"), ("فلاديمير بوتين", "PER"));
        var entity = Assert.Single(Resolver.Resolve(mentions, text));
        Assert.Equal("Q7747", entity.Key);
    }

    [Fact]
    public void CountryTaggedAsOrganisationStillLinksAndMerges()
    {
        const string text = "اتهمت روسيا الغرب. وقالت روسيا إنها سترد.";
        var mentions = TestMentions.Of(text, ("روسيا", "LOC"));
        mentions[0] = mentions[0] with { Type = "ORG" };
        var entity = Assert.Single(Resolver.Resolve(mentions, text));
        Assert.Equal("Q159", entity.Key);
    }

    [Fact]
    public void KeysAreStableAcrossArticles()
    {
        const string a = "قال كيم جونغ أون إن روسيا حليف.";
        const string b = "وصل كيم جونغ أون. وتحدث كيم عن روسيا.";
        var ea = Resolver.Resolve(TestMentions.Of(a, ("كيم جونغ أون", "PER"), ("روسيا", "LOC")), a);
        var eb = Resolver.Resolve(TestMentions.Of(b, ("كيم جونغ أون", "PER"), ("كيم", "PER"), ("روسيا", "LOC")), b);
        Assert.Equal(ea.Select(e => e.Key).Order(), eb.Select(e => e.Key).Order());
        Assert.Contains("per:كيم_جونغ_اون", ea.Select(e => e.Key));
        Assert.Contains("Q159", ea.Select(e => e.Key));
    }

    [Fact]
    public void KeyIgnoresSpellingOfHamzaAndDiacritics() =>
        Assert.Equal(EntityResolver.KeyOf("PER", "كيم جونغ أون"), EntityResolver.KeyOf("PER", "كيمُ جونغ اون"));

    [Fact]
    public void EmptyInputGivesNoEntities() => Assert.Empty(Resolver.Resolve([], ""));

    [Fact]
    public void RandomMentionsDoNotThrow()
    {
        var random = new Random(11);
        const string alphabet = "ابتجدرسعغفقكلمنهويىةأ .،\"";
        var text = new string(Enumerable.Range(0, 400).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        string[] types = ["PER", "LOC", "ORG", "MISC"];
        for (var n = 0; n < 50; n++)
        {
            var mentions = Enumerable.Range(0, random.Next(0, 20)).Select(_ =>
            {
                var start = random.Next(0, 390);
                var end = start + random.Next(1, 10);
                return new Mention(start, end, types[random.Next(4)], text[start..end]);
            }).ToList();
            var entities = Resolver.Resolve(mentions, text);
            Assert.Equal(mentions.Count, entities.Sum(e => e.MentionCount));
            Assert.Equal(entities.Count, entities.Select(e => e.Key).Distinct().Count());
            Assert.All(mentions, m => Assert.Contains(m.EntityKey, entities.Select(e => e.Key)));
        }
    }
}
