using Marsad.Text;

namespace Marsad.Model;

/// <summary>
/// The analysed article (the "Doc"): the article's text, built once from headline, captions and
/// paragraphs, plus annotation layers. Every layer is a list of spans over <see cref="Text"/> in
/// UTF-16 offsets [Start, End), so that each fact can be highlighted and traced. The text is never
/// rewritten; annotators only add layers.
/// </summary>
public sealed class AnalyzedArticle
{
    /// <summary>Separator between blocks of <see cref="Text"/>: a paragraph break for the sentence splitter.</summary>
    public const string BlockSeparator = "\n\n";

    public AnalyzedArticle(Article article)
    {
        Article = article;

        // The blocks' offsets first, then the text written once at its exact length (no builder to grow and copy).
        var blocks = new List<TextBlock>(1 + article.Captions.Count + article.Paragraphs.Count);
        var length = 0;
        foreach (var (kind, text) in Sources(article))
        {
            if (length > 0)
            {
                length += BlockSeparator.Length;
            }

            blocks.Add(new TextBlock(kind, length, length + text.Length, blocks.Count));
            length += text.Length;
        }

        Text = string.Create(length, article, static (destination, article) =>
        {
            var at = 0;
            foreach (var (_, text) in Sources(article))
            {
                if (at > 0)
                {
                    BlockSeparator.CopyTo(destination[at..]);
                    at += BlockSeparator.Length;
                }

                text.CopyTo(destination[at..]);
                at += text.Length;
            }
        });
        Blocks = blocks;
    }

    /// <summary>The non-blank headline, captions and paragraphs, in text order.</summary>
    private static BlockSources Sources(Article article) => new(article);

    /// <summary>Enumerates <see cref="Sources"/> without allocating.</summary>
    private struct BlockSources(Article article)
    {
        private int _next = -1;

        public (BlockKind Kind, string Text) Current { get; private set; }

        public readonly BlockSources GetEnumerator() => this;

        public bool MoveNext()
        {
            var captions = article.Captions.Count;
            var total = 1 + captions + article.Paragraphs.Count;
            while (++_next < total)
            {
                var (kind, text) = _next == 0 ? (BlockKind.Headline, article.Headline)
                    : _next <= captions ? (BlockKind.Caption, article.Captions[_next - 1])
                    : (BlockKind.Paragraph, article.Paragraphs[_next - 1 - captions]);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    Current = (kind, text);
                    return true;
                }
            }

            return false;
        }
    }

    public Article Article { get; }

    /// <summary>Headline, captions and body paragraphs joined by <see cref="BlockSeparator"/>.</summary>
    public string Text { get; }

    public IReadOnlyList<TextBlock> Blocks { get; }

    /// <summary>The date used to resolve relative time expressions: the publication date, else null.</summary>
    public DateOnly? Anchor => Article.PublishedAt is { } p ? DateOnly.FromDateTime(p.Date) : null;

    public List<TokenAnnotation> Tokens { get; } = [];

    public List<SentenceSpan> Sentences { get; } = [];

    public List<Mention> Mentions { get; } = [];

    public List<Entity> Entities { get; } = [];

    public List<TimeExpression> TimeExpressions { get; } = [];

    public List<Quote> Quotes { get; } = [];

    public List<Attribution> Attributions { get; } = [];

    public List<TopicScore> Topics { get; } = [];

    public List<Keyphrase> Keyphrases { get; } = [];

    /// <summary>Indexes into <see cref="Sentences"/> of the extractive summary, in text order.</summary>
    public List<int> Summary { get; } = [];

    /// <summary>The surface text of a span.</summary>
    public string Slice(int start, int end) => Text[start..end];

    /// <summary>The block (headline, caption, paragraph) that contains an offset, or null for a separator.</summary>
    public TextBlock? BlockAt(int offset)
    {
        foreach (var block in Blocks)
        {
            if (offset >= block.Start && offset < block.End)
            {
                return block;
            }
        }

        return null;
    }
}

public enum BlockKind
{
    Headline,
    Caption,
    Paragraph,
}

/// <summary>One block of the article's text: [Start, End) in <see cref="AnalyzedArticle.Text"/>.</summary>
public sealed record TextBlock(BlockKind Kind, int Start, int End, int Index);

/// <summary>A token: its span in the original text, its normalised form, its clitic segments and stem.</summary>
public sealed record TokenAnnotation(int Start, int End, TokenKind Kind, string Normalized)
{
    /// <summary>The count a <see cref="_segmentSlot"/> can pack (low bits); the offset is in the bits above.</summary>
    private const int CountBits = 4;

    /// <summary>A slot meaning "all of <see cref="_segments"/>" (a list that cannot be packed).</summary>
    private const int WholeArray = -1;

    // The segments, without a list object per token: a view of an article-wide array (offset << CountBits | count in
    // the slot), or, with no array, the whole token as one stem segment of the normalised form (slot 1: most words)
    // or none (slot 0). Two fields keep the record at 56 bytes, as with the list reference before.
    private readonly Segment[]? _segments;
    private readonly int _segmentSlot;

    /// <summary>
    /// For the text layer: a word whose segments are <paramref name="segmentCount"/> entries of the article's array from
    /// <paramref name="segmentOffset"/>, or (<paramref name="segments"/> null, one segment) the whole token as one stem of
    /// its normalised form (the checks of <see cref="Segments"/>' setter are the text layer's own, made once).
    /// </summary>
    internal TokenAnnotation(int start, int end, TokenKind kind, string normalized, string? stem, Segment[]? segments, int segmentOffset, int segmentCount)
        : this(start, end, kind, normalized)
    {
        Stem = stem;
        if (segments is null)
        {
            _segmentSlot = Math.Min(segmentCount, 1);
        }
        else
        {
            (_segments, _segmentSlot) = Pack(segments, segmentOffset, segmentCount);
        }
    }

    /// <summary>Clitic segments with offsets into the article text; empty for non-words.</summary>
    public SegmentList Segments
    {
        get => _segments is null
            ? _segmentSlot == 0 ? SegmentList.Empty : new SegmentList(WholeStem)
            : _segmentSlot == WholeArray ? new SegmentList(_segments, 0, _segments.Length) : new SegmentList(_segments, _segmentSlot >> CountBits, _segmentSlot & ((1 << CountBits) - 1));
        init
        {
            if (value.Count == 0)
            {
                (_segments, _segmentSlot) = (null, 0);
            }
            else if (value.Count == 1 && value[0] == WholeStem)
            {
                (_segments, _segmentSlot) = (null, 1);
            }
            else if (value.Backing is { } array)
            {
                (_segments, _segmentSlot) = Pack(array, value.Offset, value.Count);
            }
            else
            {
                (_segments, _segmentSlot) = ([.. value], WholeArray);
            }
        }
    }

    /// <summary>The light stem used for search (normalised, clitics removed).</summary>
    public string? Stem { get; init; }

    /// <summary>A view of <paramref name="count"/> segments of an array from <paramref name="offset"/>, packed in the slot when it fits, else copied.</summary>
    private static (Segment[] Segments, int Slot) Pack(Segment[] array, int offset, int count) =>
        count < 1 << CountBits && offset <= int.MaxValue >> CountBits
            ? (array, offset << CountBits | count)
            : (array[offset..(offset + count)], WholeArray);

    /// <summary>The whole token as one stem segment with the token's normalised form.</summary>
    private Segment WholeStem => new(Start, End, SegmentRole.Stem, Normalized);
}

/// <summary>
/// A clitic segment of a token: proclitic, stem or enclitic, with its span and normalised form. A value type: the
/// segments of a token live inside its array, not as one more object each (about 340 segments per news article).
/// </summary>
public readonly record struct Segment(int Start, int End, SegmentRole Role, string Form);

public sealed record SentenceSpan(int Start, int End, int Index);

/// <summary>A mention of a named entity: a span, its type, and the key of the entity it was merged into.</summary>
public sealed record Mention(int Start, int End, string Type, string Text)
{
    public string? EntityKey { get; set; }

    /// <summary>The tagger's confidence, when it has one.</summary>
    public double? Score { get; init; }
}

/// <summary>An entity of the article: mentions merged under one canonical name.</summary>
public sealed record Entity(string Key, string Type, string CanonicalName)
{
    public string? EnglishName { get; init; }

    public string? WikidataId { get; init; }

    public IReadOnlyList<string> Variants { get; init; } = [];

    public int MentionCount { get; init; }
}

/// <summary>A temporal expression with its TIMEX3-style value.</summary>
public sealed record TimeExpression(int Start, int End, string Text, string Type, string? Value)
{
    /// <summary>The anchor date the value was resolved against; null when unresolved or absolute.</summary>
    public string? Anchor { get; init; }

    /// <summary>TIMEX3 mod for a part of a period (مطلع الشهر START, منتصف MID, أواخر END); null otherwise.</summary>
    public string? Mod { get; init; }
}

/// <summary>A quotation or reported statement.</summary>
public sealed record Quote(int ContentStart, int ContentEnd, string Kind)
{
    public string? Speaker { get; init; }

    public int? SpeakerStart { get; init; }

    public int? SpeakerEnd { get; init; }

    public string? SpeakerEntityKey { get; init; }

    public string? Role { get; init; }

    public string? Cue { get; init; }

    public int? CueStart { get; init; }

    public int? CueEnd { get; init; }

    public int SentenceIndex { get; init; }

    public string? Content { get; init; }
}

/// <summary>A fact attributed to a source without a speech verb (بحسب، وفقا لـ، نقلا عن).</summary>
public sealed record Attribution(int Start, int End, string Cue, string Source)
{
    public int? SourceStart { get; init; }

    public int? SourceEnd { get; init; }

    public string? SourceEntityKey { get; init; }
}

public sealed record TopicScore(string Label, double Score);

public sealed record Keyphrase(string Text, double Score)
{
    public string? EntityKey { get; init; }
}
