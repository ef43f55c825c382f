using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Text;

/// <summary>
/// The first annotator: tokens (span, kind, Matching-normalised form, clitic segments with offsets into the
/// article text, light stem for search) and sentences. Stateless; the segmenter's lexicon is loaded once.
/// </summary>
public sealed class TextAnnotator : IAnnotator
{
    private static readonly string[] NoRequirements = [];
    private static readonly string[] Assigned = [Layers.Tokens, Layers.Segments, Layers.Sentences];

    /// <summary>Tokens up to this long are normalised in a stack buffer (then pooled when short enough); longer ones through a string.</summary>
    private const int MaxBufferedToken = 24;

    /// <summary>Room for the normalised form of a buffered token (each character may expand).</summary>
    private const int FormBufferLength = MaxBufferedToken * ArabicNormalizer.MaxExpansion;

    /// <summary>A per-thread token list larger than this is dropped after use.</summary>
    private const int MaxKeptTokens = 65_536;

    [ThreadStatic]
    private static List<Token>? _tokens;

    [ThreadStatic]
    private static WordScratch? _scratch;

    public TextAnnotator()
        : this(CliticSegmenter.Default)
    {
    }

    public TextAnnotator(CliticSegmenter segmenter) => Segmenter = segmenter ?? throw new ArgumentNullException(nameof(segmenter));

    public CliticSegmenter Segmenter { get; }

    public string Name => "text";

    public IReadOnlyCollection<string> Requires => NoRequirements;

    public IReadOnlyCollection<string> Assigns => Assigned;

    public void Annotate(AnalyzedArticle doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = doc.Text;

        // The token list and the word scratch are reused per thread; the records the document keeps are made below.
        var tokens = _tokens ??= new List<Token>(1024);
        tokens.Clear();
        ArabicTokenizer.Tokenize(text, tokens);
        var scratch = _scratch ??= new WordScratch();
        scratch.Reset(tokens.Count);
        Span<char> stemBuffer = stackalloc char[CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion];
        Span<char> formBuffer = stackalloc char[FormBufferLength];
        var pool = TokenStrings.ForThread();
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;

        // First pass: forms, stems and segments into scratch, so that the segments of the whole article can go into
        // one array of the exact size (a word that is one stem of its normalised form needs none: see TokenAnnotation).
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var surface = text.AsSpan(token.Start, token.Length);
            var normalized = Normalize(surface, NormalizationProfile.Matching, formBuffer, pool);
            ref var word = ref scratch.Words[t];
            word = new WordForms(normalized, null, scratch.SegmentCount, 0);
            switch (token.Kind)
            {
                case TokenKind.ArabicWord:
                {
                    var count = Segmenter.Segment(surface, segments);
                    string? stem = null;
                    for (var i = 0; i < count; i++)
                    {
                        var s = segments[i];
                        var piece = surface[s.Start..s.End];
                        var form = s.Form ?? (count == 1 ? normalized : Normalize(piece, NormalizationProfile.Matching, formBuffer, pool));
                        scratch.AddSegment(new Segment(token.Start + s.Start, token.Start + s.End, s.Role, form));
                        if (s.Role == SegmentRole.Stem && stem is null)
                        {
                            var n = piece.Length <= CliticSegmenter.MaxWordLength ? LightStemmer.StemSegment(piece, stemBuffer, i + 1 < count && segments[i + 1].Role == SegmentRole.Enclitic) : -1;
                            stem = n >= 0 ? Shared(stemBuffer[..n], form, normalized, pool) : Normalize(piece, NormalizationProfile.Search, formBuffer, pool);
                        }
                    }

                    word = word with { Stem = stem, SegmentCount = count };
                    if (count == 1 && scratch.LastSegment == new Segment(token.Start, token.End, SegmentRole.Stem, normalized))
                    {
                        // Implied by the token: kept out of the article's array (word.SegmentCount stays 1: rebuilt below).
                        scratch.DropLastSegment();
                        word = word with { SegmentOffset = -1 };
                    }

                    break;
                }

                case TokenKind.LatinWord:
                    word = word with { Stem = Normalize(surface, NormalizationProfile.Search, formBuffer, pool), SegmentCount = 1, SegmentOffset = -1 };
                    break;
            }
        }

        // Second pass: one segment array for the article, then the token records.
        Segment[] all = scratch.SegmentCount == 0 ? [] : scratch.Segments.AsSpan(0, scratch.SegmentCount).ToArray();
        doc.Tokens.Capacity = Math.Max(doc.Tokens.Capacity, doc.Tokens.Count + tokens.Count);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var word = scratch.Words[t];
            var shared = word.SegmentCount == 0 || word.SegmentOffset < 0 ? null : all;
            doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, word.Normalized, word.Stem, shared, word.SegmentOffset, word.SegmentCount));
        }

        scratch.Release(tokens.Count);
        var sentences = SentenceSplitter.Split(text.AsSpan(), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
        for (var i = 0; i < sentences.Count; i++)
        {
            doc.Sentences.Add(new SentenceSpan(sentences[i].Start, sentences[i].End, doc.Sentences.Count));
        }

        if (tokens.Capacity > MaxKeptTokens)
        {
            // A huge document should not pin its token list on the thread.
            _tokens = null;
            _scratch = null;
        }
    }

    /// <summary>
    /// The stem as a string: the segment's form or the token's normalised form when it has the same characters (about
    /// 70 of the 115 stems longer than the pooled forms in a news article), else a pooled or new string.
    /// </summary>
    private static string Shared(ReadOnlySpan<char> stem, string segmentForm, string normalized, string?[] pool) =>
        stem.SequenceEqual(segmentForm) ? segmentForm
        : stem.SequenceEqual(normalized) ? normalized
        : TokenStrings.Get(stem, pool);

    /// <summary>The normalised form of a token or piece as a pooled string (<see cref="TokenStrings"/>); the same characters as <see cref="ArabicNormalizer.Normalize(ReadOnlySpan{char}, NormalizationProfile)"/>.</summary>
    private static string Normalize(ReadOnlySpan<char> surface, NormalizationProfile profile, Span<char> buffer, string?[] pool) =>
        surface.Length <= MaxBufferedToken && ArabicNormalizer.TryNormalize(surface, buffer, profile, out var written)
            ? TokenStrings.Get(buffer[..written], pool)
            : ArabicNormalizer.Normalize(surface, profile);

    /// <summary>A token's forms between the two passes: its normalised form, stem, and segments in the scratch (offset −1: the one implied segment).</summary>
    private readonly record struct WordForms(string Normalized, string? Stem, int SegmentOffset, int SegmentCount);

    /// <summary>One thread's scratch for the text stage: the forms of each token and the segments of the article.</summary>
    private sealed class WordScratch
    {
        public WordForms[] Words { get; private set; } = new WordForms[1024];

        public Segment[] Segments { get; private set; } = new Segment[1024];

        public int SegmentCount { get; private set; }

        public Segment LastSegment => Segments[SegmentCount - 1];

        public void Reset(int tokens)
        {
            if (Words.Length < tokens)
            {
                Words = new WordForms[Math.Max(tokens, 2 * Words.Length)];
            }

            SegmentCount = 0;
        }

        public void AddSegment(Segment segment)
        {
            if (SegmentCount == Segments.Length)
            {
                var grown = Segments;
                Array.Resize(ref grown, 2 * SegmentCount);
                Segments = grown;
            }

            Segments[SegmentCount++] = segment;
        }

        public void DropLastSegment() => SegmentCount--;

        /// <summary>Lets go of the article's strings (the scratch outlives the article on the thread).</summary>
        public void Release(int tokens)
        {
            Array.Clear(Words, 0, tokens);
            Array.Clear(Segments, 0, SegmentCount);
        }
    }
}
