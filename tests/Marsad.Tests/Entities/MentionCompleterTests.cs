using Marsad.Entities.Kb;
using Marsad.Entities.Resolution;
using Marsad.Model;

namespace Marsad.Tests.Entities;

public sealed class MentionCompleterTests
{
    private static readonly MentionCompleter Completer = new(TestMentions.SmallKb);

    /// <summary>The mentions completion added (or put in place of tagged fragments).</summary>
    private static List<Mention> Added(string text, IReadOnlyList<Mention> tagged) =>
        [.. Completer.Complete(text, tagged).Where(m => !tagged.Contains(m))];

    [Fact]
    public void TaggedNameIsFoundWhereUntagged()
    {
        const string text = "قال كيربي إن المحادثات تتقدم. وأضاف كيربي أن الاجتماع قريب.";
        var tagged = TestMentions.Of(text, ("كيربي", "PER"))[..1];
        var added = Added(text, tagged);
        var mention = Assert.Single(added);
        Assert.Equal("كيربي", mention.Text);
        Assert.Equal("PER", mention.Type);
        Assert.True(mention.Start > tagged[0].End);
    }

    [Fact]
    public void CliticFormsAreCompletedWithoutTheirProclitic()
    {
        const string text = "زار الوفد روسيا. وقدم دعما لروسيا وللولايات المتحدة.";
        var tagged = TestMentions.Of(text, ("روسيا", "LOC"))[..1];
        var added = Added(text, tagged);
        Assert.Equal(["روسيا", "للولايات المتحدة"], added.Select(m => m.Text));
        Assert.All(added, m => Assert.Equal(m.Text, text[m.Start..m.End]));
    }

    [Fact]
    public void ProminentKbNamesAreFoundUntagged()
    {
        const string text = "المفاوضات بين روسيا وكوريا الديمقراطية تتقدم.";
        var added = Added(text, []);
        Assert.Equal(["روسيا", "كوريا الديمقراطية"], added.Select(m => m.Text));
    }

    [Fact]
    public void LongestNameWinsAndTaggedSpansAreNotOverlapped()
    {
        const string text = "وصل كيم جونغ أون. وقال كيم جونغ أون إن كيم يونغ نام غائب.";
        var all = TestMentions.Of(text, ("كيم جونغ أون", "PER"), ("كيم", "PER"));
        var tagged = new[] { all[0], all[2] };
        Assert.Equal("كيم", tagged[1].Text);
        var added = Added(text, tagged);
        Assert.Equal(["كيم جونغ أون"], added.Select(m => m.Text));
    }

    [Fact]
    public void CommonNounWithArticleIsNotPropagated()
    {
        const string text = "ذكرت الصحيفة أن الصحيفة حصلت على الوثائق.";
        var tagged = TestMentions.Of(text, ("الصحيفة", "ORG"))[..1];
        Assert.Empty(Added(text, tagged));
    }

    [Fact]
    public void NameInsideALongerWordIsNotFound()
    {
        const string text = "تحدث عن الروسيات والروسي.";
        Assert.Empty(Added(text, []));
    }

    [Fact]
    public void KnownNameReplacesTaggedFragments()
    {
        const string text = "وصل كيم جونغ أون إلى بيونغ يانغ أمس.";
        var tagged = TestMentions.Of(text, ("كيم جونغ", "PER"), ("بيونغ", "LOC"), ("يانغ", "LOC"));
        var kb = new KnowledgeBase([new KbEntry("PER", "كيم جونغ أون") { Rank = KbRanks.Curated }, new KbEntry("LOC", "بيونغ يانغ") { Rank = KbRanks.Curated }]);
        var result = new MentionCompleter(kb).Complete(text, tagged);
        Assert.Equal(["كيم جونغ أون", "بيونغ يانغ"], result.Select(m => m.Text));
        Assert.Equal(["PER", "LOC"], result.Select(m => m.Type));
    }

    [Fact]
    public void TaggedSpanReachingOutsideAKnownNameIsKept()
    {
        const string text = "قالت جامعة روسيا الحكومية إن الطلاب عادوا.";
        var tagged = TestMentions.Of(text, ("جامعة روسيا الحكومية", "ORG"));
        Assert.Equal(tagged, Completer.Complete(text, tagged));
    }

    [Fact]
    public void InitialInsideANameIsAllowed()
    {
        const string text = "سافر سيرجي ك. شويغو إلى المنطقة.";
        var tagged = TestMentions.Of(text, ("سيرجي", "PER"), ("شويغو", "PER"));
        var kb = new KnowledgeBase([new KbEntry("PER", "سيرجي شويغو") { Rank = KbRanks.Curated }]);
        var mention = Assert.Single(new MentionCompleter(kb).Complete(text, tagged));
        Assert.Equal("سيرجي ك. شويغو", mention.Text);
    }

    [Fact]
    public void SurnameAndFamilyNameOfAPersonAreCompleted()
    {
        const string text = "التقى كيم جونغ أون بالوفد. وقال كيم إن بوتين صديق. وكان فلاديمير بوتين قد دعا عبد الله.";
        var tagged = TestMentions.Of(text, ("كيم جونغ أون", "PER"), ("فلاديمير بوتين", "PER"), ("عبد الله", "PER"));
        Assert.Equal(["كيم", "بوتين"], Added(text, tagged).Select(m => m.Text));
    }

    [Fact]
    public void EmptyTextGivesNothing() => Assert.Empty(new MentionCompleter(KnowledgeBase.Empty).Complete("", []));
}
