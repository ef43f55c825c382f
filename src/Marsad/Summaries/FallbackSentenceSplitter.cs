using Marsad.Model;

namespace Marsad.Summaries;

/// <summary>
/// Splits the article's blocks into sentences when no text annotator has filled
/// <see cref="AnalyzedArticle.Sentences"/>: a sentence ends at . ! ? ؟ or … followed by white space,
/// never inside a quotation (« » “ ” or straight double quotes), and always at a block's end.
/// </summary>
public static class FallbackSentenceSplitter
{
    public static void Fill(AnalyzedArticle doc)
    {
        if (doc.Sentences.Count > 0)
        {
            return;
        }

        var text = doc.Text;
        foreach (var block in doc.Blocks)
        {
            var start = block.Start;
            var depth = 0;
            var straightOpen = false;
            var curlyOpen = false;
            for (var i = block.Start; i < block.End; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '«':
                        depth++;
                        continue;
                    case '»':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case '"':
                        straightOpen = !straightOpen;
                        break;

                    // Arabic text uses “ and ” in either order (mirrored), so each one toggles.
                    case '“' or '”':
                        curlyOpen = !curlyOpen;
                        break;
                }

                var inQuote = depth > 0 || straightOpen || curlyOpen;
                var terminal = c is '.' or '!' or '?' or '؟' or '…' || (c is '»' or '”' or '"' && i > 0 && text[i - 1] is '.' or '!' or '?' or '؟');
                if (!inQuote && terminal && (i + 1 == block.End || char.IsWhiteSpace(text[i + 1])) && !IsNumberDot(text, i))
                {
                    Add(doc, text, start, i + 1);
                    start = i + 1;
                }
            }

            Add(doc, text, start, block.End);
        }
    }

    private static bool IsNumberDot(string text, int i) =>
        text[i] == '.' && i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);

    private static void Add(AnalyzedArticle doc, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            doc.Sentences.Add(new SentenceSpan(start, end, doc.Sentences.Count));
        }
    }
}
