using CsCheck;
using Marsad.Model;
using Marsad.Quotes;

namespace Marsad.Tests.Quotes;

/// <summary>One test per rule of <see cref="QuoteExtractor"/>, on sentences written for the test.</summary>
public sealed class QuoteExtractorTests
{
    private static QuoteExtraction Run(string text, IReadOnlyList<Mention>? mentions = null, IReadOnlyList<Entity>? entities = null) =>
        QuoteExtractor.Default.Extract(text, null, mentions, entities);

    private static Quote Single(string text) => Assert.Single(Run(text).Quotes);

    [Fact]
    public void EmptyTextHasNoQuotes()
    {
        var result = Run(string.Empty);
        Assert.Empty(result.Quotes);
        Assert.Empty(result.Attributions);
    }

    [Fact]
    public void TheTextLayersTokensChangeNothing()
    {
        // Word keys borrow the token layer's normalised strings only when the characters agree: ة, ؤ, ئ and
        // Arabic-Indic digits normalise differently in the two, and the result must be the same either way.
        const string text = "قالت وزيرة الصحة إن الحكومة ستواصل دعم المستشفيات في ٢٠٢٤. وأضافت المسؤولة: «سنعمل على زيادة الميزانية»، "
            + "مشيرة إلى أن الرئيس سيوقع القرار.\n\nوبحسب صحيفة الشرق الأوسط فإن الخطة تشمل ٣ مراحل.";
        var doc = new AnalyzedArticle(new Article { Id = "x", Format = "text", Paragraphs = text.Split("\n\n") });
        new Marsad.Text.TextAnnotator().Annotate(doc);
        var without = QuoteExtractor.Default.Extract(doc.Text, doc.Sentences);
        var with = QuoteExtractor.Default.Extract(doc.Text, doc.Sentences, tokens: doc.Tokens);
        Assert.NotEmpty(without.Quotes);
        Assert.Equal(without.Quotes, with.Quotes);
        Assert.Equal(without.Attributions, with.Attributions);
    }

    [Theory]
    [InlineData("وأكد ولي العهد السعودي الأمير محمد بن سلمان [/b] أن المملكة ماضية في خططها الاقتصادية.", "محمد بن سلمان")]
    [InlineData("وقال [b]وزير الخارجية فيصل بن فرحان[/b] إن الزيارة كانت ناجحة.", "فيصل بن فرحان")]
    [InlineData("وأوضح [url=https://example.org/a?b=1]المتحدث باسم الوزارة[/url] أن الاجتماع تأجل.", "المتحدث باسم الوزارة")]
    [InlineData("وأضاف <b>الوزير</b> أن الخطة جاهزة.", "الوزير")]
    [InlineData("وذكر رئيس الحكومة ] أن الموازنة أقرت.", "رئيس الحكومة")]
    public void ASpeakerNeverStartsOrEndsWithMarkupOrBracketDebris(string text, string speaker)
    {
        var quote = Single(text);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(speaker, text[quote.SpeakerStart!.Value..quote.SpeakerEnd!.Value]);
    }

    [Fact]
    public void ParagraphWithoutSpeechHasNoQuotes()
    {
        var result = Run("ارتفعت أسعار النفط صباح الثلاثاء بعد أن خفضت الدول المنتجة إمداداتها حتى نهاية العام.");
        Assert.Empty(result.Quotes);
    }

    [Fact]
    public void RandomStringsNeverThrowAndSpansStayInsideTheText()
    {
        var alphabet = Gen.Char["قالتإنأن«»\"“”:،. وفبحسلمكيه\n"];
        Gen.String[alphabet, 0, 200].Sample(text =>
        {
            var result = Run(text);
            foreach (var q in result.Quotes)
            {
                Assert.InRange(q.ContentStart, 0, q.ContentEnd);
                Assert.InRange(q.ContentEnd, q.ContentStart, text.Length);
                Assert.Equal(text[q.ContentStart..q.ContentEnd], q.Content);
            }

            foreach (var a in result.Attributions)
            {
                Assert.InRange(a.End, a.Start, text.Length);
            }
        }, iter: 300);
    }

    [Fact]
    public void ReportedSpeechRunsFromTheComplementiserToTheSentenceEnd()
    {
        var q = Single("وقال الوزير إن المحادثات ستستأنف الأسبوع المقبل. وانتهى الاجتماع مساء.");
        Assert.Equal(QuoteKinds.Reported, q.Kind);
        Assert.Equal("المحادثات ستستأنف الأسبوع المقبل", q.Content);
        Assert.Equal("الوزير", q.Speaker);
        Assert.Equal("قال", q.Cue);
    }

    [Theory]
    [InlineData("قالت الوزيرة إن الخطة جاهزة.", "قالت")]
    [InlineData("وقالوا إن الخطة جاهزة.", "قالوا")]
    [InlineData("ويقولون إن الخطة جاهزة.", "يقولون")]
    [InlineData("فقالت إن الخطة جاهزة.", "قالت")]
    [InlineData("وتقول المصادر إن الخطة جاهزة.", "تقول")]
    [InlineData("وأوضح المدير أن الخطة جاهزة.", "أوضح")]
    [InlineData("وأشارت الوزارة إلى أن الخطة جاهزة.", "أشارت")]
    [InlineData("وحذر الجيش من أن الخطة جاهزة.", "حذر")]
    [InlineData("وصرح المتحدث بأن الخطة جاهزة.", "صرح")]
    [InlineData("ونفى الوزير أن الخطة جاهزة.", "نفى")]
    [InlineData("ورأت اللجنة أن الخطة جاهزة.", "رأت")]
    public void CueVerbsInAnyPersonTenseAndCliticForm(string text, string cue)
    {
        var q = Single(text);
        Assert.Equal(cue, q.Cue);
        Assert.Equal("الخطة جاهزة", q.Content);
    }

    [Fact]
    public void DirectQuoteAfterAColonInGuillemets()
    {
        var q = Single("وقال الوزير للصحافيين: «لن نتراجع عن هذا القرار».");
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("لن نتراجع عن هذا القرار", q.Content);
        Assert.Equal("الوزير", q.Speaker);
    }

    [Theory]
    [InlineData("وأضاف: “الوضع تحت السيطرة”.")]
    [InlineData("وأضاف: ‘الوضع تحت السيطرة’.")]
    [InlineData("وأضاف: \"الوضع تحت السيطرة\".")]
    public void DirectQuoteInCurlyAndStraightMarks(string text)
    {
        var q = Single(text);
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("الوضع تحت السيطرة", q.Content);
    }

    [Fact]
    public void DirectQuoteOverSeveralSentences()
    {
        var q = Single("وتابعت: «انتهينا من المرحلة الأولى. المرحلة الثانية تبدأ في سبتمبر».");
        Assert.Equal("انتهينا من المرحلة الأولى. المرحلة الثانية تبدأ في سبتمبر", q.Content);
    }

    [Fact]
    public void NestedQuoteStaysInsideTheOuterQuote()
    {
        var q = Single("وقال أحد الناجين: «صرخت زوجتي: \"الأولاد!\"، فركضنا نحو الدرج».");
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Contains("\"الأولاد!\"", q.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void PartialQuoteInsideReportedSpeechIsMixed()
    {
        var q = Single("وقال المتحدث إن المحادثات \"تتقدم بنشاط\".");
        Assert.Equal(QuoteKinds.Mixed, q.Kind);
        Assert.Equal("المحادثات \"تتقدم بنشاط\"", q.Content);
    }

    [Fact]
    public void QuotedNameIsNotSpeech()
    {
        var q = Single("كشفت صحيفة \"نيويورك تايمز\" أن الزيارة ستتم هذا الشهر.");
        Assert.Equal(QuoteKinds.Reported, q.Kind);
        Assert.Equal("صحيفة \"نيويورك تايمز\"", q.Speaker);
    }

    [Fact]
    public void SubjectAfterTheVerbWithRoleInApposition()
    {
        var q = Single("وقال المتحدث باسم البيت الأبيض، جون كيربي، إن المحادثات تتقدم.");
        Assert.Equal("جون كيربي", q.Speaker);
        Assert.Equal("المتحدث باسم البيت الأبيض", q.Role);
    }

    [Fact]
    public void NameAfterTheRoleWithoutComma()
    {
        var q = Single("وقال وزير الخارجية الأردني أيمن الصفدي إن المملكة ستواصل جهودها.");
        Assert.Equal("أيمن الصفدي", q.Speaker);
        Assert.Equal("وزير الخارجية الأردني", q.Role);
    }

    [Fact]
    public void NameFirstAndRoleInApposition()
    {
        var q = Single("قالت أدريان واتسون، المتحدثة باسم مجلس الأمن القومي، في بيان إن الوزير سافر.");
        Assert.Equal("أدريان واتسون", q.Speaker);
        Assert.Equal("المتحدثة باسم مجلس الأمن القومي", q.Role);
    }

    [Fact]
    public void HonorificTitlesBelongToNeitherNameNorRole()
    {
        var q = Single("وأكد معالي الدكتور سلطان الجابر، وزير الصناعة، أن الاستراتيجية ماضية.");
        Assert.Equal("سلطان الجابر", q.Speaker);
        Assert.Equal("وزير الصناعة", q.Role);
    }

    [Fact]
    public void AdjunctsAndAudienceAreNotPartOfTheSubject()
    {
        Assert.Equal("مصدر أمني", Single("وقال مصدر أمني لرويترز إن الهجوم فشل.").Speaker);
        Assert.Equal("الوزير", Single("وقال الوزير في كلمة متلفزة إن الهجوم فشل.").Speaker);
        Assert.Equal("الجيش", Single("وأعلن الجيش، اليوم السبت، أن الهجوم فشل.").Speaker);
    }

    [Fact]
    public void SubjectBeforeTheVerb()
    {
        var q = Single("لكن المتحدث باسمه دميتري بيسكوف قال إن اللقاء ممكن.");
        Assert.Equal("دميتري بيسكوف", q.Speaker);
        Assert.Equal("المتحدث باسمه", q.Role);
    }

    [Fact]
    public void UnnamedGroupsAreKeptAsSuch()
    {
        Assert.Equal("مسؤولون أميركيون", Single("ويقول مسؤولون أميركيون إن التحذيرات نجحت.").Speaker);
        Assert.Equal("مصادر مطلعة", Single("وقالت مصادر مطلعة إن الوفد سيصل غدا.").Speaker);
    }

    [Fact]
    public void ElidedSubjectResolvesToTheLastSpeakerOfTheSameGender()
    {
        var quotes = Run("قال الوزير إن الخطة جاهزة. وقالت الوزيرة نادية علي إن التمويل متوفر. وأضاف أن التنفيذ يبدأ غدا. وأضافت: «سنراقب كل خطوة».").Quotes;
        Assert.Equal(4, quotes.Count);
        Assert.Equal("الوزير", quotes[2].Speaker);
        Assert.Equal("نادية علي", quotes[3].Speaker);
    }

    [Fact]
    public void PluralCueResolvesToTheLastPluralSpeaker()
    {
        var quotes = Run("وقال المسؤولون إن القمة ستعقد. وقال الرئيس إن الموعد لم يحدد. وأضافوا أن الزيارة مؤكدة.").Quotes;
        Assert.Equal("المسؤولون", quotes[2].Speaker);
    }

    [Fact]
    public void HonorificPronounSubjectResolvesToTheAntecedent()
    {
        var quotes = Run("وقال سعادة عبدالله المزروعي إن الهيئة أطلقت المبادرات. وأضاف سعادته أن النتائج مشجعة.").Quotes;
        Assert.Equal("عبدالله المزروعي", quotes[1].Speaker);
    }

    [Fact]
    public void ParticipleContinuesTheSpeakerAndEndsTheFirstClause()
    {
        var quotes = Run("وقال مصدر أمني إن الهجوم استهدف القاعدة، مضيفا أنه لم تقع إصابات.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.Equal("الهجوم استهدف القاعدة", quotes[0].Content);
        Assert.Equal("مضيفا", quotes[1].Cue);
        Assert.Equal("مصدر أمني", quotes[1].Speaker);
    }

    [Fact]
    public void TwoSpeakersInOneSentence()
    {
        var quotes = Run("وقال مسؤول أميركي إن المفاوضات متعثرة، فيما قال دبلوماسي أوروبي إن الخلاف قائم.").Quotes;
        Assert.Equal(2, quotes.Count);
        Assert.Equal(("مسؤول أميركي", "المفاوضات متعثرة"), (quotes[0].Speaker, quotes[0].Content));
        Assert.Equal(("دبلوماسي أوروبي", "الخلاف قائم"), (quotes[1].Speaker, quotes[1].Content));
    }

    [Fact]
    public void RelayedSpeechTakesThePersonAfterAn()
    {
        var q = Single("ونقلت وكالة إنترفاكس عن نائب الوزير سيرغي ريابكوف قوله إن موسكو لا ترى أساسا للحوار.");
        Assert.Equal("سيرغي ريابكوف", q.Speaker);
        Assert.Equal("نائب الوزير", q.Role);
    }

    [Fact]
    public void QuoteBeforeTheCueVerb()
    {
        var q = Single("«لن نقبل بأي اتفاق»، قال وزير الخارجية القطري للصحافيين.");
        Assert.Equal(QuoteKinds.Direct, q.Kind);
        Assert.Equal("لن نقبل بأي اتفاق", q.Content);
        Assert.Equal("وزير الخارجية القطري", q.Speaker);
    }

    [Fact]
    public void HeadlineQuote()
    {
        var q = Single("الصفدي: لا أمن في المنطقة من دون حل عادل");
        Assert.Equal("الصفدي", q.Speaker);
        Assert.Equal("لا أمن في المنطقة من دون حل عادل", q.Content);
        Assert.Null(q.Cue);
    }

    [Fact]
    public void WriterFormulaYudhkaruAnIsNotAQuote()
    {
        Assert.Empty(Run("يذكر أن المعرض افتتح عام 2010.").Quotes);
    }

    [Fact]
    public void AttributionWithLamRestoresTheArticle()
    {
        var text = "وسيكون الزعيمان في المنتدى، وفقًا للمسؤولين.";
        var a = Assert.Single(Run(text).Attributions);
        Assert.Equal("وفقًا ل", a.Cue);
        Assert.Equal("المسؤولين", a.Source);
        Assert.Equal("لمسؤولين", text[a.SourceStart!.Value..a.SourceEnd!.Value]);
    }

    [Theory]
    [InlineData("ويسعى إلى المساعدات، بحسب الصحيفة.", "بحسب", "الصحيفة")]
    [InlineData("والتعاون العسكري، وفقا لما ذكرته وكالات أنباء أميركية.", "وفقا لما ذكرته", "وكالات أنباء أميركية")]
    [InlineData("وقد يرفع الفائدة، نقلا عن مصادر مطلعة.", "نقلا عن", "مصادر مطلعة")]
    [InlineData("وارتفع سعر الصرف، بحسب ما أفاد صرافون في بيروت.", "بحسب ما أفاد", "صرافون في بيروت")]
    public void AttributionCueAndSource(string text, string cue, string source)
    {
        var a = Assert.Single(Run(text).Attributions);
        Assert.Equal(cue, a.Cue);
        Assert.Equal(source, a.Source);
    }

    [Fact]
    public void SpeakerLinksToTheOverlappingMentionsEntity()
    {
        const string text = "وقال المتحدث باسم البيت الأبيض، جون كيربي، إن المحادثات تتقدم.";
        var at = text.IndexOf("جون كيربي", StringComparison.Ordinal);
        var mentions = new[] { new Mention(at, at + 9, "PER", "جون كيربي") { EntityKey = "per:kirby" } };
        Assert.Equal("per:kirby", Assert.Single(Run(text, mentions).Quotes).SpeakerEntityKey);
    }

    [Fact]
    public void AnaphoricNounLinksToTheOrganisationNamedWithIt()
    {
        const string text = "كشفت صحيفة \"نيويورك تايمز\" أن الزيارة قريبة. وأشارت الصحيفة إلى أن الموعد لم يحدد.";
        var at = text.IndexOf("نيويورك تايمز", StringComparison.Ordinal);
        var mentions = new[] { new Mention(at, at + 13, "ORG", "نيويورك تايمز") { EntityKey = "org:nyt" } };
        var quotes = Run(text, mentions).Quotes;
        Assert.Equal("الصحيفة", quotes[1].Speaker);
        Assert.Equal("org:nyt", quotes[1].SpeakerEntityKey);
    }

    [Fact]
    public void PronounSpeakerCarriesTheAntecedentsEntityKey()
    {
        const string text = "قالت أدريان واتسون إن الوزير سافر. وأضافت: \"المفاوضات تتقدم\".";
        var mentions = new[] { new Mention(5, 17, "PER", "أدريان واتسون") { EntityKey = "per:watson" } };
        var quotes = Run(text, mentions).Quotes;
        Assert.Equal(["per:watson", "per:watson"], quotes.Select(q => q.SpeakerEntityKey));
    }
}
