using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>
/// Finds quotations, reported statements and attributions in Arabic news text with rules:
/// - a cue verb in any person, tense and clitic form (قال، قالت، قالوا، يقول، وأضاف، فقالت) or an
///   adverbial participle (مضيفا، مشيرة) followed, within its clause, by a complementiser
///   (إن، أن، بأن، إنه…) → reported speech from there to the end of the clause; by a colon and
///   quotation marks → a direct quote; a quoted fragment inside reported speech makes it mixed;
/// - a quotation followed by «، قال X» → a direct quote with the speaker after the verb;
/// - a short headline «X: …» → a direct quote of X;
/// - the subject after the verb (<see cref="SubjectParser"/>), else before it, else (an elided or
///   pronoun subject such as وأضافت) the last speaker whose gender and number agree with the cue;
///   نقل عن relays the person after عن;
/// - attributions without a speech verb (بحسب، وفقا لـ، نقلا عن، بحسب ما ذكرت…) → source.
/// Speakers and sources are linked to the article's entities when mentions are given, anaphoric
/// nouns (الصحيفة) to the organisation named earlier with that noun (صحيفة "نيويورك تايمز").
/// Stateless and thread-safe.
/// </summary>
public sealed class QuoteExtractor
{
    /// <summary>Tokens scanned after a cue for its complement.</summary>
    private const int ComplementWindow = 32;

    public static QuoteExtractor Default { get; } = new();

    /// <summary>
    /// Extracts from <paramref name="text"/>. <paramref name="sentences"/> gives sentence indexes (else the
    /// extractor counts its own sentences); <paramref name="mentions"/> and <paramref name="entities"/>
    /// link speakers and sources to entity keys. <paramref name="tokens"/>, the text layer's tokens when there are,
    /// only lend their normalised strings to words whose lexicon key has the same characters (nothing else changes).
    /// </summary>
    public QuoteExtraction Extract(
        string text,
        IReadOnlyList<SentenceSpan>? sentences = null,
        IReadOnlyList<Mention>? mentions = null,
        IReadOnlyList<Entity>? entities = null,
        IReadOnlyList<TokenAnnotation>? tokens = null)
    {
        ArgumentNullException.ThrowIfNull(text);

        // The token list and the per-token flags are scratch space, reused per thread: the run's results keep no reference to them.
        var scratch = _tokenScratch ?? new List<QToken>();
        var flags = _flagScratch ?? new TokenFlags();
        _tokenScratch = null;
        _flagScratch = null;
        try
        {
            var run = new ExtractionRun(text, scratch, flags, tokens, sentences, mentions, entities);
            run.Run();
            return new QuoteExtraction(run.Quotes, run.Attributions);
        }
        finally
        {
            scratch.Clear();
            if (scratch.Capacity <= MaxKeptTokens)
            {
                _tokenScratch = scratch;
            }

            if (flags.SentenceOfToken.Length <= MaxKeptTokens)
            {
                _flagScratch = flags;
            }
        }
    }

    [ThreadStatic]
    private static TokenFlags? _flagScratch;

    /// <summary>Per-token arrays of one run (at least as long as the token list; only the first Count entries are used).</summary>
    private sealed class TokenFlags
    {
        public int[] SentenceOfToken { get; private set; } = new int[1024];

        public bool[] InAttribution { get; private set; } = new bool[1024];

        /// <summary>Makes room for <paramref name="count"/> tokens; the attribution flags come back all false.</summary>
        public void Reset(int count)
        {
            if (SentenceOfToken.Length < count)
            {
                SentenceOfToken = new int[count];
                InAttribution = new bool[count];
            }
            else
            {
                Array.Clear(InAttribution, 0, count);
            }
        }
    }

    /// <summary>A per-thread token list larger than this is dropped after use (a huge document should not pin it).</summary>
    private const int MaxKeptTokens = 65_536;

    [ThreadStatic]
    private static List<QToken>? _tokenScratch;

    /// <summary>The state of one extraction: tokens, the speakers seen so far, the results.</summary>
    private sealed class ExtractionRun
    {
        private readonly string _text;
        private readonly IReadOnlyList<SentenceSpan>? _sentences;
        private readonly EntityLinker _linker;
        private readonly List<QToken> _tokens;
        private readonly List<QuoteMarkSpan> _spans;
        private readonly int[] _sentenceOfToken;
        private readonly SubjectParser _parser;
        private readonly List<SpeakerRef> _history = [];
        private readonly bool[] _spanUsed;

        // Per-token arrays of the thread's scratch: the first _tokens.Count entries are this run's.
        private readonly bool[] _inAttribution;

        // The last finite cue verb, its sentence and its speaker: a participle after it repeats that speaker.
        private int _lastVerbSentence = -1;
        private SpeakerRef? _lastVerbSpeaker;

        public ExtractionRun(
            string text, List<QToken> tokens, TokenFlags flags, IReadOnlyList<TokenAnnotation>? textTokens, IReadOnlyList<SentenceSpan>? sentences, IReadOnlyList<Mention>? mentions, IReadOnlyList<Entity>? entities)
        {
            _text = text;
            _sentences = sentences is { Count: > 0 } ? sentences : null;
            _tokens = tokens;
            _spans = QuoteTokenizer.Tokenize(text, tokens, textTokens);
            _parser = new SubjectParser(text, _tokens, _spans);
            _linker = new EntityLinker(text, mentions, entities);
            _spanUsed = new bool[_spans.Count];
            flags.Reset(_tokens.Count);
            _sentenceOfToken = flags.SentenceOfToken;
            _inAttribution = flags.InAttribution;
            var sentence = 0;
            for (var k = 0; k < _tokens.Count; k++)
            {
                _sentenceOfToken[k] = sentence;
                if (_tokens[k].IsHardStop)
                {
                    sentence++;
                }
            }
        }

        public List<Quote> Quotes { get; } = [];

        public List<Attribution> Attributions { get; } = [];

        public void Run()
        {
            FindHeadlineQuotes();

            // Attributions first: their report verbs (بحسب ما ذكرت) are not cues of a statement.
            var inAttribution = _inAttribution;
            for (var i = 0; i < _tokens.Count; i++)
            {
                if (_tokens[i].IsWord && _tokens[i].Quote < 0 && TryAttribution(i) is { } attributionEnd)
                {
                    Array.Fill(inAttribution, true, i, attributionEnd - i);
                    i = attributionEnd - 1;
                }
            }

            for (var i = 0; i < _tokens.Count; i++)
            {
                var t = _tokens[i];
                if (!t.IsWord || t.Quote >= 0 || inAttribution[i])
                {
                    continue;
                }

                if (!QuoteLexicon.TryCue(t.Norm, out var cue, out var prefix))
                {
                    continue;
                }

                var next = cue.Kind == CueKind.Verb ? ProcessVerb(i, cue, prefix) : ProcessParticiple(i, cue, prefix);
                if (next > i)
                {
                    i = next - 1;
                }
            }

            Quotes.Sort((a, b) => a.ContentStart.CompareTo(b.ContentStart));
        }

        // ---- cues -------------------------------------------------------------------------------

        /// <summary>Handles a finite cue verb at token i; returns the token to resume at.</summary>
        private int ProcessVerb(int i, CueForm cue, int prefix)
        {
            var complement = FindComplement(i + 1, ComplementWindow, allowSubject: true);
            if (complement < 0)
            {
                var postPosed = TryPostPosed(i, cue, prefix);
                if (postPosed < 0)
                {
                    // No statement here, but a participle later in the sentence repeats this subject.
                    _lastVerbSentence = _sentenceOfToken[i];
                    _lastVerbSpeaker = _parser.Parse(i + 1, ClauseLimit(i + 1), cue, objectMayFollow: true) ?? ResolvePronoun(cue);
                }

                return postPosed < 0 ? i + 1 : postPosed;
            }

            // يذكر أن / ويذكر أن: the passive "it is worth mentioning that", a formula of the writer.
            if (complement == i + 1 && cue.Kind == CueKind.Verb && _tokens[i].Norm[prefix..] == "يذكر")
            {
                return complement + 1;
            }

            var regionEnd = TrimTrailingPrepositions(i + 1, complement);
            SpeakerRef? speaker;
            if (cue.Relay && FindWord(i + 1, regionEnd, QuoteLexicon.An) is var an and >= 0)
            {
                speaker = _parser.Parse(an + 1, regionEnd, cue);
            }
            else if (_parser.IsHonorificPronoun(i + 1, regionEnd))
            {
                speaker = ResolvePronoun(cue);
            }
            else
            {
                // وصف الوزير الاتفاق بأنه…: the described thing follows the subject.
                var describes = _tokens[i].Norm.AsSpan(prefix).StartsWith("وصف") || _tokens[i].Norm.AsSpan(prefix).StartsWith("يصف") || _tokens[i].Norm.AsSpan(prefix).StartsWith("تصف");
                speaker = _parser.Parse(i + 1, regionEnd, cue, objectMayFollow: describes);
                if (speaker is null && prefix == 0)
                {
                    speaker = ParsePreverbal(i, cue);
                }

                speaker ??= ResolvePronoun(cue);
                if (speaker is null && cue.Number == SpeakerNumber.Plural)
                {
                    speaker = PluralAntecedent(i);
                }
            }

            _lastVerbSentence = _sentenceOfToken[i];
            _lastVerbSpeaker = speaker;
            return EmitFromComplement(i, cue, prefix, complement, speaker);
        }

        /// <summary>Handles an adverbial participle (مضيفا أن، مشيرة إلى أن، مضيفا: "…").</summary>
        private int ProcessParticiple(int i, CueForm cue, int prefix)
        {
            var complement = FindComplement(i + 1, 4, allowSubject: false);
            if (complement < 0)
            {
                return i + 1;
            }

            var speaker = _lastVerbSentence == _sentenceOfToken[i] && _lastVerbSpeaker is not null
                ? _lastVerbSpeaker
                : ResolvePronoun(cue);
            return EmitFromComplement(i, cue, prefix, complement, speaker);
        }

        /// <summary>
        /// The token index of the complementiser or colon that opens the statement of a cue, or -1.
        /// The search stops at a sentence end, another cue, a clause opener (فيما، بينما) or a quotation.
        /// </summary>
        private int FindComplement(int from, int window, bool allowSubject)
        {
            var commas = 0;
            var limit = Math.Min(_tokens.Count, from + window);
            for (var j = from; j < limit; j++)
            {
                var t = _tokens[j];
                switch (t.Kind)
                {
                    case QTokenKind.SentenceEnd or QTokenKind.Break:
                        return -1;
                    case QTokenKind.Colon:
                        return j;
                    case QTokenKind.QuoteOpen:
                        var span = SpanAt(j);
                        if (span >= 0 && _parser.IsNameQuote(span) && _spans[span].CloseToken > j)
                        {
                            j = _spans[span].CloseToken;
                            continue;
                        }

                        return -1;
                    case QTokenKind.Comma:
                        if (++commas > 3 || !allowSubject)
                        {
                            return -1;
                        }

                        continue;
                    case QTokenKind.Word:
                        break;
                    default:
                        continue;
                }

                if (t.Quote >= 0)
                {
                    continue;
                }

                if (QuoteLexicon.ComplementizerSet.Contains(t.Norm))
                {
                    var before = j > from ? _tokens[j - 1] : default;
                    if (before.IsWord && QuoteLexicon.NotCueComplementSet.Contains(before.Norm))
                    {
                        return -1;
                    }

                    return j;
                }

                if (!allowSubject && j > from + 1)
                {
                    return -1;
                }

                if (t.Norm is "فيما" or "وفيما" or "بينما" or "وبينما" || QuoteLexicon.TryCue(t.Norm, out _, out _) || QuoteLexicon.IsCueWithObjectPronoun(t.Norm))
                {
                    return -1;
                }

                // كشف عن خطة…: كشف عن and a noun reveals a thing, not a statement.
                if (t.Norm == QuoteLexicon.An && j == from && j + 1 < limit && !QuoteLexicon.ComplementizerSet.Contains(_tokens[j + 1].Norm))
                {
                    return -1;
                }
            }

            return -1;
        }

        private int EmitFromComplement(int cueToken, CueForm cue, int prefix, int complement, SpeakerRef? speaker)
        {
            int contentStart, contentEnd, resume;
            string kind;
            var c = _tokens[complement];
            if (c.Kind == QTokenKind.Colon)
            {
                var next = complement + 1;
                if (next < _tokens.Count && _tokens[next].Kind == QTokenKind.QuoteOpen && SpanAt(next) is var q and >= 0)
                {
                    var span = _spans[q];
                    _spanUsed[q] = true;
                    (contentStart, contentEnd) = Trim(span.ContentStart, span.ContentEnd);
                    kind = QuoteKinds.Direct;
                    resume = span.CloseToken >= 0 ? span.CloseToken + 1 : LastTokenBefore(span.Close) + 1;
                }
                else
                {
                    if (next >= _tokens.Count || !_tokens[next].IsWord)
                    {
                        return complement + 1;
                    }

                    var end = ClauseEnd(next, stopAtComma: false);
                    (contentStart, contentEnd) = Trim(_tokens[next].Start, _tokens[end - 1].End);
                    kind = QuoteKinds.Direct;
                    resume = end;
                }
            }
            else
            {
                var bare = c.Norm is "ان" or "بان";
                var first = bare ? complement + 1 : complement;
                if (first >= _tokens.Count || _tokens[first].IsHardStop)
                {
                    return complement + 1;
                }

                var end = ClauseEnd(first, stopAtComma: true);
                if (end <= first)
                {
                    return complement + 1;
                }

                (contentStart, contentEnd) = Trim(_tokens[first].Start, _tokens[end - 1].End);
                kind = HoldsQuotedSpeech(first, end) ? QuoteKinds.Mixed : QuoteKinds.Reported;
                resume = end;
            }

            if (contentEnd <= contentStart)
            {
                return complement + 1;
            }

            var cueToken0 = _tokens[cueToken];
            Emit(contentStart, contentEnd, kind, speaker, cueToken0.Start + prefix, cueToken0.End);
            return resume;
        }

        /// <summary>«…»، قال X / "…"، هكذا وصفت X: a quotation closed just before the cue.</summary>
        private int TryPostPosed(int i, CueForm cue, int prefix)
        {
            var k = i - 1;
            if (k >= 0 && _tokens[k].IsWord && _tokens[k].Norm == "هكذا")
            {
                k--;
            }

            if (k < 1 || _tokens[k].Kind != QTokenKind.Comma || _tokens[k - 1].Kind != QTokenKind.QuoteClose)
            {
                return -1;
            }

            var q = SpanAt(k - 1);
            if (q < 0 || _spanUsed[q] || _parser.IsNameQuote(q))
            {
                return -1;
            }

            var limit = ClauseLimit(i + 1);
            var speaker = _parser.Parse(i + 1, limit, cue) ?? ResolvePronoun(cue);
            var span = _spans[q];
            _spanUsed[q] = true;
            var (start, end) = Trim(span.ContentStart, span.ContentEnd);
            var cueToken = _tokens[i];
            _lastVerbSentence = _sentenceOfToken[i];
            _lastVerbSpeaker = speaker;
            Emit(start, end, QuoteKinds.Direct, speaker, cueToken.Start + prefix, cueToken.End);
            return i + 1;
        }

        /// <summary>A short block «الصفدي: لا أمن…» or «ميقاتي: «…»»: a headline quote without a cue word.</summary>
        private void FindHeadlineQuotes()
        {
            var blockStart = 0;
            for (var k = 0; k <= _tokens.Count; k++)
            {
                if (k < _tokens.Count && _tokens[k].Kind != QTokenKind.Break)
                {
                    continue;
                }

                TryHeadline(blockStart, k);
                blockStart = k + 1;
            }
        }

        private void TryHeadline(int from, int to)
        {
            var words = 0;
            for (var k = from; k < to; k++)
            {
                if (_tokens[k].IsWord)
                {
                    words++;
                }
            }

            if (words > 20 || words < 3)
            {
                return;
            }

            var colon = -1;
            for (var k = from; k < Math.Min(to, from + 4); k++)
            {
                if (_tokens[k].Kind == QTokenKind.Colon)
                {
                    colon = k;
                    break;
                }

                if (!_tokens[k].IsWord || _tokens[k].Quote >= 0 || QuoteLexicon.TryCue(_tokens[k].Norm, out _, out _))
                {
                    return;
                }
            }

            if (colon <= from || colon + 1 >= to)
            {
                return;
            }

            int start, end;
            var next = colon + 1;
            if (_tokens[next].Kind == QTokenKind.QuoteOpen && SpanAt(next) is var q and >= 0)
            {
                _spanUsed[q] = true;
                (start, end) = Trim(_spans[q].ContentStart, _spans[q].ContentEnd);
            }
            else
            {
                var last = to - 1;
                while (last > next && !_tokens[last].IsWord)
                {
                    last--;
                }

                (start, end) = Trim(_tokens[next].Start, _tokens[last].End);
            }

            var speakerStart = _tokens[from].Start;
            var speakerEnd = _tokens[colon - 1].End;
            var speaker = new SpeakerRef(speakerStart, speakerEnd, _text[speakerStart..speakerEnd], null, SpeakerGender.Unknown, SpeakerNumber.Singular);
            Emit(start, end, QuoteKinds.Direct, speaker, null, null);
        }

        // ---- speakers ---------------------------------------------------------------------------

        /// <summary>A subject before the verb (لكن المتحدث باسمه دميتري بيسكوف قال إن …، وكان الوزير قد أعلن أن).</summary>
        private SpeakerRef? ParsePreverbal(int i, CueForm cue)
        {
            var end = i;
            if (end > 0 && _tokens[end - 1].IsWord && _tokens[end - 1].Norm == "قد")
            {
                end--;
            }

            var start = end;
            while (start > 0 && end - start < 8)
            {
                var t = _tokens[start - 1];
                if (!t.IsWord || t.Quote >= 0 || QuoteLexicon.ClauseOpenerSet.Contains(t.Norm) || QuoteLexicon.TryCue(t.Norm, out _, out _))
                {
                    break;
                }

                start--;
            }

            if (start >= end || (start > 0 && _tokens[start - 1].IsWord && !QuoteLexicon.ClauseOpenerSet.Contains(_tokens[start - 1].Norm)))
            {
                return null;
            }

            if (_tokens[start].Norm is "كان" or "وكان")
            {
                start++;
            }

            // A subject before the verb opens with a definite noun or a role (المسؤولون يقولون، الوزير قال);
            // anything else there is more often a verb or an object (وتضمن القانون نصا يؤكد).
            if (start >= end || !(QuoteLexicon.IsDefinite(_tokens[start].Norm) || QuoteLexicon.IsRoleHead(_tokens[start].Norm))
                || _tokens[start].Norm.StartsWith("وال", StringComparison.Ordinal))
            {
                return null;
            }

            return _parser.Parse(start, end, cue);
        }

        /// <summary>وكان الأساتذة المتعاقدون قد نفذوا… وقالوا: with no plural speaker yet, the nearest definite plural noun phrase before the cue.</summary>
        private SpeakerRef? PluralAntecedent(int i)
        {
            for (var k = i - 1; k >= 0 && k >= i - 40; k--)
            {
                var t = _tokens[k];
                if (t.Kind == QTokenKind.Break)
                {
                    break;
                }

                if (!t.IsWord || t.Quote >= 0 || !QuoteLexicon.IsDefinite(t.Norm) || !QuoteLexicon.LooksPlural(t.Norm))
                {
                    continue;
                }

                var end = k + 1;
                while (end < i && _tokens[end].IsWord && QuoteLexicon.IsDefinite(_tokens[end].Norm))
                {
                    end++;
                }

                var first = k;
                while (first > 0 && _tokens[first - 1].IsWord && _tokens[first - 1].Quote < 0 && QuoteLexicon.IsDefinite(_tokens[first - 1].Norm))
                {
                    first--;
                }

                var start = _tokens[first].Start;
                var stop = _tokens[end - 1].End;
                return new SpeakerRef(start, stop, _text[start..stop], null, SpeakerGender.Masculine, SpeakerNumber.Plural);
            }

            return null;
        }

        /// <summary>The last speaker whose gender and number agree with the cue's morphology (وأضافت → feminine singular).</summary>
        private SpeakerRef? ResolvePronoun(CueForm cue)
        {
            for (var k = _history.Count - 1; k >= 0; k--)
            {
                var h = _history[k];
                if (cue.Number == SpeakerNumber.Plural)
                {
                    if (h.Number == SpeakerNumber.Plural)
                    {
                        return h;
                    }

                    continue;
                }

                if (h.Number == SpeakerNumber.Singular && (cue.Gender == SpeakerGender.Unknown || h.Gender == SpeakerGender.Unknown || h.Gender == cue.Gender))
                {
                    return h;
                }

                // A feminine singular verb also agrees with a non-human plural (أضافت المصادر).
                if (h.Number == SpeakerNumber.Plural && cue.Gender == SpeakerGender.Feminine && h.Gender == SpeakerGender.Feminine)
                {
                    return h;
                }
            }

            return null;
        }

        // ---- attributions -----------------------------------------------------------------------

        /// <summary>An attribution starting at token i (بحسب، وفقا لـ، نقلا عن…); returns the token after it, or null.</summary>
        private int? TryAttribution(int i)
        {
            var t = _tokens[i];
            if (!MayOpenAttribution(t.Norm))
            {
                return null;
            }

            var norm = t.Norm.Length > 3 && t.Norm[0] == '\u0648' && !IsAttributionCue(t.Norm) ? t.Norm[1..] : t.Norm; // WAW: ووفقا، وبحسب
            var cueStart = t.Start + (t.Norm.Length - norm.Length);
            var k = i + 1;
            if (k >= _tokens.Count || !_tokens[k].IsWord)
            {
                return null;
            }

            var sourceOffset = 0; // letters of the first source word that belong to the cue (the لـ of للمسؤولين)
            switch (norm)
            {
                case "بحسب" or "حسب" or "حسبما":
                    if (norm == "حسبما" || _tokens[k].Norm == "ما")
                    {
                        k = SkipReportVerb(norm == "حسبما" ? k : k + 1);
                    }

                    break;
                case "وفقا" or "طبقا" or "وفق":
                    if (_tokens[k].Norm == "لما")
                    {
                        k = SkipReportVerb(k + 1);
                    }
                    else if (norm != "وفق" && _tokens[k].Norm.Length > 1 && _tokens[k].Norm[0] == '\u0644') // LAM
                    {
                        sourceOffset = 1;
                    }
                    else if (norm != "وفق" && _tokens[k].Norm == "ل")
                    {
                        k++;
                    }

                    break;
                case "نقلا" or "استنادا":
                    if (_tokens[k].Norm is not ("عن" or "الي"))
                    {
                        return null;
                    }

                    k++;
                    break;
                default:
                    return null;
            }

            if (k >= _tokens.Count || !_tokens[k].IsWord)
            {
                return null;
            }

            var end = k;
            var words = 0;
            while (end < _tokens.Count && words < 8)
            {
                var s = _tokens[end];
                if (s.Kind == QTokenKind.QuoteOpen && SpanAt(end) is var q and >= 0 && _parser.IsNameQuote(q) || s.Quote >= 0 && end > k)
                {
                    end++;
                    continue;
                }

                if (s.Kind == QTokenKind.QuoteClose && end > k)
                {
                    end++;
                    continue;
                }

                if (!s.IsWord || (end > k && (QuoteLexicon.ComplementizerSet.Contains(s.Norm) || s.Norm.StartsWith("فان", StringComparison.Ordinal)
                    || QuoteLexicon.ContentEnderSet.Contains(s.Norm) || QuoteLexicon.TryCue(s.Norm, out _, out _))))
                {
                    break;
                }

                words++;
                end++;
            }

            while (end > k && !_tokens[end - 1].IsWord && _tokens[end - 1].Kind != QTokenKind.QuoteClose)
            {
                end--;
            }

            if (end <= k)
            {
                return null;
            }

            var sourceStart = _tokens[k].Start + sourceOffset;
            var sourceEnd = _tokens[end - 1].End;
            var source = _text[sourceStart..sourceEnd];
            if (sourceOffset == 1 && source.StartsWith('\u0644')) // للمسؤولين: the لـ swallowed the article's alef
            {
                source = "\u0627" + source; // ALEF
            }

            var cueEnd = sourceStart;
            while (cueEnd > cueStart && char.IsWhiteSpace(_text[cueEnd - 1]))
            {
                cueEnd--;
            }

            Attributions.Add(new Attribution(cueStart, sourceEnd, _text[cueStart..cueEnd], source)
            {
                SourceStart = sourceStart,
                SourceEnd = sourceEnd,
                SourceEntityKey = _linker.Link(sourceStart, sourceEnd, source),
            });
            return end;
        }

        // A filter that allocates nothing: the word is an attribution cue, with or without و.
        private static bool MayOpenAttribution(string norm) =>
            norm.Length >= 3 && (IsAttributionCue(norm) || (norm[0] == '\u0648' && IsAttributionCue(norm.AsSpan(1)))); // WAW

        private static bool IsAttributionCue(ReadOnlySpan<char> norm) =>
            norm is "بحسب" or "حسب" or "حسبما" or "وفقا" or "طبقا" or "وفق" or "نقلا" or "استنادا";

        // بحسب ما ذكرت / وفقا لما ذكرته / بحسب ما أفادت به: the report verb and its به belong to the cue.
        private int SkipReportVerb(int k)
        {
            if (k < _tokens.Count && _tokens[k].IsWord)
            {
                k++;
                if (k < _tokens.Count && _tokens[k].IsWord && _tokens[k].Norm is "به" or "بها")
                {
                    k++;
                }
            }

            return k;
        }

        // ---- spans ------------------------------------------------------------------------------

        /// <summary>
        /// The token after the last token of a reported clause starting at <paramref name="from"/>: it
        /// ends at a sentence end, or at a comma before a participle cue, a conjoined cue verb (، وأكد),
        /// a clause opener (، فيما) or an attribution (، بحسب). Quotations inside are skipped whole.
        /// </summary>
        private int ClauseEnd(int from, bool stopAtComma)
        {
            var k = from;
            while (k < _tokens.Count)
            {
                var t = _tokens[k];
                if (t.IsHardStop)
                {
                    return k;
                }

                if (t.Kind == QTokenKind.QuoteOpen && SpanAt(k) is var q and >= 0)
                {
                    _spanUsed[q] = true;
                    var close = _spans[q].CloseToken;
                    k = close >= 0 ? close + 1 : LastTokenBefore(_spans[q].Close) + 1;
                    continue;
                }

                if (t.IsWord && k > from && t.Quote < 0 && t.Norm is "فيما" or "بينما" or "وفيما" or "وبينما")
                {
                    return k;
                }

                if (stopAtComma && t.Kind == QTokenKind.Comma && k + 1 < _tokens.Count && _tokens[k + 1].IsWord)
                {
                    var next = _tokens[k + 1].Norm;
                    if (QuoteLexicon.ContentEnderSet.Contains(next) || QuoteLexicon.LooksLikeAdverbialParticiple(next)
                        || (QuoteLexicon.TryCue(next, out var cue, out var prefix) && (cue.Kind == CueKind.Participle || prefix == 1))
                        || (next == QuoteLexicon.Fi && k + 2 < _tokens.Count && _tokens[k + 2].Norm == "حين"))
                    {
                        return k;
                    }
                }

                k++;
            }

            return k;
        }

        /// <summary>The end of the clause that follows a cue, for a subject with no complement (قال X.).</summary>
        private int ClauseLimit(int from)
        {
            var k = from;
            while (k < _tokens.Count && k < from + 16 && !_tokens[k].IsHardStop && _tokens[k].Kind is not (QTokenKind.Comma or QTokenKind.Colon or QTokenKind.QuoteOpen))
            {
                k++;
            }

            return k;
        }

        private bool HoldsQuotedSpeech(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (_tokens[k].Kind == QTokenKind.QuoteOpen && SpanAt(k) is var q and >= 0 && !_parser.IsNameQuote(q))
                {
                    return true;
                }
            }

            return false;
        }

        private int TrimTrailingPrepositions(int from, int to)
        {
            while (to > from && _tokens[to - 1].IsWord && _tokens[to - 1].Norm is "الي" or "علي" or "من" or "عن" or "ب")
            {
                // شدد الوكيل على أن: a preposition; نادية علي إن: the name علي (same letters once normalised).
                if (_tokens[to - 1].Norm == "علي" && to - 1 > from && _tokens[to - 2].IsWord && !QuoteLexicon.IsDefinite(_tokens[to - 2].Norm))
                {
                    break;
                }

                to--;
            }

            return to;
        }

        private int FindWord(int from, int to, string norm)
        {
            for (var k = from; k < to; k++)
            {
                if (_tokens[k].IsWord && _tokens[k].Norm == norm)
                {
                    return k;
                }
            }

            return -1;
        }

        private int SpanAt(int openOrCloseToken)
        {
            for (var q = 0; q < _spans.Count; q++)
            {
                if (_spans[q].OpenToken == openOrCloseToken || _spans[q].CloseToken == openOrCloseToken)
                {
                    return q;
                }
            }

            return -1;
        }

        private int LastTokenBefore(int offset)
        {
            var k = _tokens.BinarySearch(new QToken(offset, offset, QTokenKind.Other, string.Empty, -1), TokenStartComparer.Instance);
            k = k < 0 ? ~k : k;
            return Math.Max(0, k - 1);
        }

        private (int Start, int End) Trim(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }

            return (start, end);
        }

        private void Emit(int contentStart, int contentEnd, string kind, SpeakerRef? speaker, int? cueStart, int? cueEnd)
        {
            if (speaker is not null)
            {
                speaker = speaker with { EntityKey = speaker.EntityKey ?? _linker.Link(speaker.Start, speaker.End, speaker.Text) };
                _history.Add(speaker);
            }

            var anchor = cueStart ?? contentStart;
            Quotes.Add(new Quote(contentStart, contentEnd, kind)
            {
                Speaker = speaker?.Text,
                SpeakerStart = speaker?.Start,
                SpeakerEnd = speaker?.End,
                SpeakerEntityKey = speaker?.EntityKey,
                Role = speaker?.Role,
                Cue = cueStart is { } cs && cueEnd is { } ce ? _text[cs..ce] : null,
                CueStart = cueStart,
                CueEnd = cueEnd,
                SentenceIndex = SentenceIndexAt(anchor),
                Content = _text[contentStart..contentEnd],
            });
        }

        private int SentenceIndexAt(int offset)
        {
            if (_sentences is not null)
            {
                var lo = 0;
                var hi = _sentences.Count - 1;
                while (lo <= hi)
                {
                    var mid = (lo + hi) / 2;
                    if (_sentences[mid].End <= offset)
                    {
                        lo = mid + 1;
                    }
                    else if (_sentences[mid].Start > offset)
                    {
                        hi = mid - 1;
                    }
                    else
                    {
                        return _sentences[mid].Index;
                    }
                }

                return _sentences[Math.Clamp(lo, 0, _sentences.Count - 1)].Index;
            }

            var k = LastTokenBefore(offset + 1);
            return k < _tokens.Count ? _sentenceOfToken[k] : 0;
        }
    }

    private sealed class TokenStartComparer : IComparer<QToken>
    {
        public static readonly TokenStartComparer Instance = new();

        public int Compare(QToken x, QToken y) => x.Start.CompareTo(y.Start);
    }
}
