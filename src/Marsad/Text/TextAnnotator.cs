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

        // The token list is scratch space reused per thread; the records the document keeps are made below.
        var tokens = _tokens ??= new List<Token>(1024);
        tokens.Clear();
        ArabicTokenizer.Tokenize(text, tokens);
        doc.Tokens.Capacity = Math.Max(doc.Tokens.Capacity, doc.Tokens.Count + tokens.Count);
        Span<char> stemBuffer = stackalloc char[CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion];
        Span<char> formBuffer = stackalloc char[FormBufferLength];
        var pool = TokenStrings.ForThread();
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;
        foreach (var token in tokens)
        {
            var surface = text.AsSpan(token.Start, token.Length);
            var normalized = Normalize(surface, NormalizationProfile.Matching, formBuffer, pool);
            switch (token.Kind)
            {
                case TokenKind.ArabicWord:
                {
                    var count = Segmenter.Segment(surface, segments);
                    var list = new Segment[count];
                    string? stem = null;
                    for (var i = 0; i < count; i++)
                    {
                        var s = segments[i];
                        var piece = surface[s.Start..s.End];
                        var form = s.Form ?? (count == 1 ? normalized : Normalize(piece, NormalizationProfile.Matching, formBuffer, pool));
                        list[i] = new Segment(token.Start + s.Start, token.Start + s.End, s.Role, form);
                        if (s.Role == SegmentRole.Stem && stem is null)
                        {
                            var n = piece.Length <= CliticSegmenter.MaxWordLength ? LightStemmer.StemSegment(piece, stemBuffer, i + 1 < count && segments[i + 1].Role == SegmentRole.Enclitic) : -1;
                            stem = n >= 0 ? Shared(stemBuffer[..n], form, normalized, pool) : Normalize(piece, NormalizationProfile.Search, formBuffer, pool);
                        }
                    }

                    doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, normalized) { Segments = list, Stem = stem });
                    break;
                }

                case TokenKind.LatinWord:
                    doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, normalized)
                    {
                        Segments = [new Segment(token.Start, token.End, SegmentRole.Stem, normalized)],
                        Stem = Normalize(surface, NormalizationProfile.Search, formBuffer, pool),
                    });
                    break;
                default:
                    doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, normalized));
                    break;
            }
        }

        var sentences = SentenceSplitter.Split(text.AsSpan(), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
        for (var i = 0; i < sentences.Count; i++)
        {
            doc.Sentences.Add(new SentenceSpan(sentences[i].Start, sentences[i].End, doc.Sentences.Count));
        }

        if (tokens.Capacity > MaxKeptTokens)
        {
            // A huge document should not pin its token list on the thread.
            _tokens = null;
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
}
