using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads scraped text pages: blocks separated by blank lines, shaped like a copied news page —
/// an optional section label (دولي), the headline, a teaser that repeats the headline's start,
/// photo captions (short blocks without final punctuation), body paragraphs and trailing widgets
/// (يقرأون الآن، اقرأ أيضاً …). Dropped blocks are listed with their reason. A text with no such
/// structure (a single block, or a first block that reads as prose) is all body, nothing dropped.
/// </summary>
public sealed class TextPageReader : IArticleReader
{
    /// <summary>A caption or headline is short: at most this many words.</summary>
    private const int MaxCaptionWords = 14;

    /// <summary>A headline longer than this is prose, so the text has no headline.</summary>
    private const int MaxHeadlineWords = 30;

    public InputFormat Format => InputFormat.Text;

    public IEnumerable<ReadOutcome> Read(string name, string text, ReadOptions options)
    {
        var blocks = SplitBlocks(text);
        if (blocks.Count == 0)
        {
            yield return ReadOutcome.Fail(new Errors.MarsadException(Errors.ErrorCodes.Empty, "the text holds no words", name));
            yield break;
        }

        yield return ReadOutcome.Ok(Parse(name, blocks, options));
    }

    internal static Article Parse(string name, IReadOnlyList<string> blocks, ReadOptions options)
    {
        var dropped = new List<DroppedBlock>();
        string? section = null;
        string? headline = null;
        var captions = new List<string>();
        var i = 0;

        if (blocks.Count > 1 && PageVocabulary.IsSectionLabel(blocks[0]))
        {
            section = blocks[0];
            i = 1;
        }

        // Trailing widgets: from the first widget label after the body has started, everything is page furniture.
        var end = blocks.Count;
        for (var j = blocks.Count - 1; j > i; j--)
        {
            if (PageVocabulary.IsWidgetLabel(blocks[j]))
            {
                end = j;
            }
            else if (IsProse(blocks[j]))
            {
                break;
            }
        }

        var structured = section is not null || LooksLikeHeadline(blocks, i, end);
        if (structured && i < end)
        {
            headline = blocks[i++];
            while (i < end && IsTeaserOf(blocks[i], headline))
            {
                dropped.Add(new DroppedBlock(blocks[i], "teaser"));
                i++;
            }

            // Captions: short, unpunctuated blocks before the first body paragraph.
            while (i < end - 1 && IsShortUnpunctuated(blocks[i]) && !IsTeaserOf(blocks[i], headline))
            {
                captions.Add(blocks[i++]);
            }
        }

        var paragraphs = new List<string>();
        for (; i < end; i++)
        {
            var block = blocks[i];
            if (PageVocabulary.IsWidgetLabel(block) || PageVocabulary.StartsWithWidgetPrefix(block))
            {
                dropped.Add(new DroppedBlock(block, "widget"));
            }
            else
            {
                paragraphs.Add(block);
            }
        }

        for (var j = end; j < blocks.Count; j++)
        {
            dropped.Add(new DroppedBlock(blocks[j], "widget"));
        }

        var article = new Article
        {
            Id = ArticleIds.FromText(headline, paragraphs),
            Section = section,
            Headline = headline,
            Captions = captions,
            Paragraphs = paragraphs,
            PublishedAt = options.DefaultDate,
            Format = "text",
            Origin = name,
            Dropped = dropped,
        };
        return article;
    }

    /// <summary>Blocks are separated by one or more blank lines; lines inside a block are joined with a space.</summary>
    internal static List<string> SplitBlocks(string text)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            var line = raw.Trim().Trim('\uFEFF');
            if (line.Length == 0)
            {
                Flush();
            }
            else
            {
                current.Add(line);
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }

    /// <summary>The first block is a headline when it is short, not a sentence, and more blocks follow.</summary>
    private static bool LooksLikeHeadline(IReadOnlyList<string> blocks, int first, int end)
    {
        if (end - first < 2)
        {
            return false;
        }

        var candidate = blocks[first];
        return WordCount(candidate) <= MaxHeadlineWords && !EndsWithSentencePunctuation(candidate);
    }

    /// <summary>A teaser repeats the start of the headline (a truncated copy), possibly with an ellipsis.</summary>
    private static bool IsTeaserOf(string block, string headline)
    {
        var b = PageVocabulary.Fold(block);
        var h = PageVocabulary.Fold(headline);
        return b.Length > 0 && b.Length < h.Length && h.StartsWith(b, StringComparison.Ordinal);
    }

    private static bool IsShortUnpunctuated(string block) =>
        WordCount(block) <= MaxCaptionWords && !EndsWithSentencePunctuation(block);

    private static bool IsProse(string block) => WordCount(block) > MaxCaptionWords || EndsWithSentencePunctuation(block);

    private static bool EndsWithSentencePunctuation(string block)
    {
        var trimmed = block.TrimEnd('"', '\'', '»', '”', '’', ')', ' ');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '\u061F' or '…' or ':' or '\u061B';
    }

    internal static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }

        return count;
    }
}
