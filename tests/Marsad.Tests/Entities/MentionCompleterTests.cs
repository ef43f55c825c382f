using Marsad.Entities.Kb;
using Marsad.Entities.Resolution;

namespace Marsad.Tests.Entities;

public sealed class MentionCompleterTests
{
    private static readonly MentionCompleter Completer = new(TestMentions.SmallKb);

    [Fact]
    public void TaggedNameIsFoundWhereUntagged()
    {
        const string text = "قال كيربي إن المحادثات تتقدم. وأضاف كيربي أن الاجتماع قريب.";
        var tagged = TestMentions.Of(text, ("كيربي", "PER"))[..1];
        var added = Completer.Complete(text, tagged);
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
        var added = Completer.Complete(text, tagged);
        Assert.Equal(["روسيا", "للولايات المتحدة"], added.Select(m => m.Text));
        Assert.All(added, m => Assert.Equal(m.Text, text[m.Start..m.End]));
    }

    [Fact]
    public void ProminentKbNamesAreFoundUntagged()
    {
        const string text = "المفاوضات بين روسيا وكوريا الديمقراطية تتقدم.";
        var added = Completer.Complete(text, []);
        Assert.Equal(["روسيا", "كوريا الديمقراطية"], added.Select(m => m.Text));
    }

    [Fact]
    public void LongestNameWinsAndTaggedSpansAreNotOverlapped()
    {
        const string text = "وصل كيم جونغ أون. وقال كيم جونغ أون إن كيم يونغ نام غائب.";
        var all = TestMentions.Of(text, ("كيم جونغ أون", "PER"), ("كيم", "PER"));
        var tagged = new[] { all[0], all[2] };
        Assert.Equal("كيم", tagged[1].Text);
        var added = Completer.Complete(text, tagged);
        Assert.Equal(["كيم جونغ أون"], added.Select(m => m.Text));
    }

    [Fact]
    public void CommonNounWithArticleIsNotPropagated()
    {
        const string text = "ذكرت الصحيفة أن الصحيفة حصلت على الوثائق.";
        var tagged = TestMentions.Of(text, ("الصحيفة", "ORG"))[..1];
        Assert.Empty(Completer.Complete(text, tagged));
    }

    [Fact]
    public void NameInsideALongerWordIsNotFound()
    {
        const string text = "تحدث عن الروسيات والروسي.";
        Assert.Empty(Completer.Complete(text, []));
    }

    [Fact]
    public void EmptyTextGivesNothing() => Assert.Empty(new MentionCompleter(KnowledgeBase.Empty).Complete("", []));
}
