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
        var tokens = new List<Token>(text.Length / 5 + 1);
        ArabicTokenizer.Tokenize(text, tokens);
        doc.Tokens.Capacity = Math.Max(doc.Tokens.Capacity, doc.Tokens.Count + tokens.Count);
        Span<char> stemBuffer = stackalloc char[CliticSegmenter.MaxWordLength * ArabicNormalizer.MaxExpansion];
        var buffer = default(SegmentBuffer);
        Span<WordSegment> segments = buffer;
        foreach (var token in tokens)
        {
            var surface = text.AsSpan(token.Start, token.Length);
            var normalized = ArabicNormalizer.Normalize(surface, NormalizationProfile.Matching);
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
                        var form = s.Form ?? (count == 1 ? normalized : ArabicNormalizer.Normalize(piece, NormalizationProfile.Matching));
                        list[i] = new Segment(token.Start + s.Start, token.Start + s.End, s.Role, form);
                        if (s.Role == SegmentRole.Stem && stem is null)
                        {
                            var n = piece.Length <= CliticSegmenter.MaxWordLength ? LightStemmer.StemSegment(piece, stemBuffer, i + 1 < count && segments[i + 1].Role == SegmentRole.Enclitic) : -1;
                            stem = n >= 0 ? new string(stemBuffer[..n]) : ArabicNormalizer.Normalize(piece, NormalizationProfile.Search);
                        }
                    }

                    doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, normalized) { Segments = list, Stem = stem });
                    break;
                }

                case TokenKind.LatinWord:
                    doc.Tokens.Add(new TokenAnnotation(token.Start, token.End, token.Kind, normalized)
                    {
                        Segments = [new Segment(token.Start, token.End, SegmentRole.Stem, normalized)],
                        Stem = ArabicNormalizer.Normalize(surface, NormalizationProfile.Search),
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
    }
}
