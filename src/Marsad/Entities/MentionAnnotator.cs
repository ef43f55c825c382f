using Marsad.Entities.Features;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Entities;

/// <summary>
/// Finds named-entity mentions (PER, LOC, ORG, MISC) with the trained <see cref="NerModel"/>. It tags the
/// article's word tokens sentence by sentence (the sentence layer when present, else breaks at
/// sentence-final punctuation and between blocks) and writes <see cref="AnalyzedArticle.Mentions"/>
/// with offsets into the article text, then lets <see cref="NamePhraseRecognizer"/> complete institution,
/// event and facility names. The model is loaded once and shared by every thread.
/// </summary>
public sealed class MentionAnnotator : IAnnotator
{
    /// <summary>The model's path inside the models folder.</summary>
    public const string ModelPath = "ner/ner.model.gz";

    /// <summary>The optional BiLSTM-CRF layer mixed into the model's scores (<see cref="Neural.NerNeuralLayer"/>).</summary>
    public const string NeuralPath = "ner/ner.neural.gz";

    /// <summary>Longest run of tokens tagged at once; longer sentences are cut (ANERcorp has sentences of 700 tokens).</summary>
    private const int MaxSentenceTokens = 400;

    /// <summary>The feature buffer (≈ 45 KB of arrays) is reused by each thread from article to article.</summary>
    [ThreadStatic]
    private static NerFeatureBuffer? t_buffer;

    /// <summary>The token ranges and sentences of the article being tagged: scratch reused by each thread (they never reach the output).</summary>
    [ThreadStatic]
    private static SentenceScratch? t_scratch;

    private readonly NerModel _model;

    public MentionAnnotator(NerModel model) => _model = model;

    public string Name => "mentions";

    public IReadOnlyCollection<string> Requires { get; } = [Layers.Tokens];

    public IReadOnlyCollection<string> Assigns { get; } = [Layers.Mentions];

    /// <summary>Loads the model from the models folder.</summary>
    public static MentionAnnotator Load(MarsadModels models) => new(LoadModel(models));

    /// <summary>The tagger of the models folder: the CRF model, with the neural layer mixed in when the folder has one.</summary>
    public static NerModel LoadModel(MarsadModels models)
    {
        var model = NerModel.Load(models.PathOf(ModelPath));
        var neural = models.PathOf(NeuralPath);
        return File.Exists(neural) ? model.WithNeural(Neural.NerNeuralLayer.Load(neural, model.Extractor)) : model;
    }

    public void Annotate(AnalyzedArticle doc)
    {
        var scratch = t_scratch ??= new SentenceScratch();
        var count = scratch.FillTokenRanges(doc);
        var (starts, ends, sentences) = (scratch.Starts, scratch.Ends, scratch.Sentences);
        sentences.Clear();
        var buffer = t_buffer ??= new NerFeatureBuffer();
        var sentenceIndex = 0;
        var from = 0;
        for (var i = 0; i < count; i++)
        {
            // A period after a single letter is an initial (سيرجي ك. شويغو), not a sentence end.
            var last = i == count - 1
                || i - from + 1 >= MaxSentenceTokens
                || (EndsSentence(doc.Text, starts[i], ends[i]) && !(i > 0 && ends[i - 1] - starts[i - 1] == 1 && char.IsLetter(doc.Text[starts[i - 1]])))
                || CrossesBlockOrSentence(doc, ends[i], starts[i + 1], ref sentenceIndex);
            if (!last)
            {
                continue;
            }

            sentences.Add(new NerTokenSpans(doc.Text, starts, ends, from, i - from + 1));
            from = i + 1;
        }

        // Document consistency is applied when the model chose it on dev (NerModel.DocumentConsistency).
        var tags = _model.TagDocument(sentences, buffer);
        for (var s = 0; s < sentences.Count; s++)
        {
            AddMentions(doc, sentences[s], tags[s]);
        }

        sentences.Clear(); // the views hold the article's text: let it go with the article
        HarmonisePersonNameTypes(doc.Mentions);
        NamePhraseRecognizer.Apply(doc);
    }

    private void AddMentions(AnalyzedArticle doc, NerTokenSpans sentence, ReadOnlySpan<int> tags)
    {
        var i = 0;
        while (i < tags.Length)
        {
            if (tags[i] == NerTags.O)
            {
                i++;
                continue;
            }

            var type = NerTags.TypeOf(tags[i]);
            var j = i + 1;
            while (j < tags.Length && NerTags.IsInside(tags[j]) && NerTags.TypeOf(tags[j]) == type)
            {
                j++;
            }

            var start = sentence.StartOf(i);
            var end = sentence.EndOf(j - 1);
            if (!(j == i + 1 && NerTags.Types[type] == "LOC" && IsCountryAdjective(doc.Text.AsSpan(start, end - start))))
            {
                doc.Mentions.Add(new Mention(start, end, NerTags.Types[type], doc.Text[start..end]));
            }

            i = j;
        }
    }

    /// <summary>
    /// A one-word mention typed ORG, LOC or MISC that is the last word of a person's full name tagged
    /// elsewhere in the article is that person (أنطونيو غوتيريش … أكد غوتيريش: the tagger, seeing غوتيريش
    /// alone after a verb, may call it ORG). News refers to people by surname after the first mention, so
    /// the full name settles the type; without it the resolver keeps them apart. First words are not
    /// used: on ANT dev they were mostly tagger errors at the start of a "name" (قرطاج مختار الرصاع).
    /// </summary>
    private void HarmonisePersonNameTypes(List<Mention> mentions)
    {
        HashSet<string>? surnames = null;
        foreach (var m in mentions)
        {
            var space = m.Text.LastIndexOf(' ');
            if (m.Type == "PER" && space > 0)
            {
                surnames ??= new HashSet<string>(StringComparer.Ordinal);
                surnames.Add(StandaloneForm(m.Text.AsSpan(space + 1)));
            }
        }

        if (surnames is null)
        {
            return;
        }

        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != "PER" && !m.Text.Contains(' ') && surnames.Contains(StandaloneForm(m.Text)))
            {
                mentions[i] = new Mention(m.Start, m.End, "PER", m.Text) { Score = m.Score };
            }
        }
    }

    /// <summary>The word normalised and without proclitics (لغوتيريش → غوتيريش), as the tagger's lexicon reads it.</summary>
    private string StandaloneForm(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length < 64 ? stackalloc char[64] : new char[word.Length + 1];
        return _model.Extractor.Lexicon.StringOf(buffer[..StandaloneForm(word, buffer)]);
    }

    /// <summary>Writes the standalone form of <paramref name="word"/> into <paramref name="buffer"/> (room for one more character than the word); returns its length.</summary>
    private int StandaloneForm(ReadOnlySpan<char> word, Span<char> buffer)
    {
        // Tokens have no length cap: a long one goes to the heap, not the stack.
        Span<char> normalized = word.Length < 64 ? stackalloc char[64] : new char[word.Length + 1];
        normalized = normalized[..NerWordForms.Normalize(word, normalized)];
        return _model.Extractor.Lexicon.Standalone(normalized, buffer);
    }

    /// <summary>
    /// A one-word place that is really a country's adjective (وفد كوري شمالي: كوري, tagged LOC because
    /// it is also the city Kure) is dropped; a word that is itself a country (مالي) is kept.
    /// </summary>
    private bool IsCountryAdjective(ReadOnlySpan<char> token)
    {
        if (token.Length > 30)
        {
            return false;
        }

        Span<char> standalone = stackalloc char[token.Length + 1];
        return _model.Extractor.CountryAdjectives.IsAdjectiveRatherThanCountry(standalone[..StandaloneForm(token, standalone)]);
    }

    private static bool EndsSentence(string text, int start, int end) =>
        end - start == 1 && text[start] is '.' or '!' or '?' or '\u061F'; // ARABIC QUESTION MARK

    private static bool CrossesBlockOrSentence(AnalyzedArticle doc, int end, int nextStart, ref int sentenceIndex)
    {
        if (doc.Text.AsSpan(end, nextStart - end).Contains('\n'))
        {
            return true;
        }

        // With a sentence layer, a sentence ends where the next token starts past its end.
        var sentences = doc.Sentences;
        while (sentenceIndex < sentences.Count && sentences[sentenceIndex].End <= end)
        {
            sentenceIndex++;
        }

        return sentenceIndex < sentences.Count && nextStart >= sentences[sentenceIndex].End;
    }

    /// <summary>
    /// One thread's scratch for tagging an article: the [start, end) of every token in two document-wide arrays (each
    /// sentence is a view into them) and the list of sentences. Before, each article made two arrays by LINQ and a copy
    /// of both per sentence (≈ 6 KB per article).
    /// </summary>
    private sealed class SentenceScratch
    {
        /// <summary>Arrays larger than this (tokens) are not kept on the thread after a huge article.</summary>
        private const int MaxKeptTokens = 65_536;

        public int[] Starts { get; private set; } = new int[1024];

        public int[] Ends { get; private set; } = new int[1024];

        public List<NerTokenSpans> Sentences { get; } = new(64);

        /// <summary>Fills <see cref="Starts"/> and <see cref="Ends"/> with the article's tokens; returns how many.</summary>
        public int FillTokenRanges(AnalyzedArticle doc)
        {
            if (Starts.Length > MaxKeptTokens)
            {
                Starts = new int[1024];
                Ends = new int[1024];
            }

            var count = 0;
            if (doc.Tokens.Count > 0)
            {
                foreach (var token in doc.Tokens)
                {
                    Set(count++, token.Start, token.End);
                }

                return count;
            }

            // No token layer (a pipeline without the text annotator): tokenise like ANERcorp.
            NerTokenizer.Tokenize(doc.Text, (s, e) => Set(count++, s, e));
            return count;
        }

        private void Set(int at, int start, int end)
        {
            if (at == Starts.Length)
            {
                var starts = Starts;
                var ends = Ends;
                Array.Resize(ref starts, at * 2);
                Array.Resize(ref ends, at * 2);
                Starts = starts;
                Ends = ends;
            }

            Starts[at] = start;
            Ends[at] = end;
        }
    }
}
