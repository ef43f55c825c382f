using Marsad.Keyphrases;
using Marsad.Model;

namespace Marsad.Summaries;

/// <summary>The weights of the sentence score; defaults chosen on the summarisation train/dev splits (docs/evaluation.md).</summary>
public sealed record SummaryWeights(double Position, double Headline, double Centrality, double EntityDensity, int MinWords)
{
    public static SummaryWeights Default { get; } = new(3.0, 1.0, 0.3, 0.0, 8);

    /// <summary>Parses "position,headline,centrality,entity,minWords".</summary>
    public static SummaryWeights? TryParse(string value)
    {
        var p = value.Split(',');
        var c = System.Globalization.CultureInfo.InvariantCulture;
        return p.Length == 5 && double.TryParse(p[0], c, out var a) && double.TryParse(p[1], c, out var b)
            && double.TryParse(p[2], c, out var d) && double.TryParse(p[3], c, out var e) && int.TryParse(p[4], c, out var m)
            ? new SummaryWeights(a, b, d, e, m)
            : null;
    }
}

/// <summary>
/// Picks 1–3 body sentences as the summary, from the text layer's tokens and sentences. Each sentence scores by
/// its position (news leads first), its centrality (cosine of its tf-idf stems to the whole body), its similarity to
/// the headline and its entity density (entity mentions per word when the entity layer ran, else the share of rare
/// words). Sentences are added best first until the summary reaches a minimum length; a sentence that nearly
/// repeats a chosen one, or that opens or closes a quotation without the other half, is skipped.
/// Thread-safe: per-call buffers are reused per thread.
/// </summary>
public sealed class ExtractiveSummarizer(KeyphraseStatistics statistics, SummaryWeights? weights = null)
{
    private const int MaxSentences = 3;
    private const int MinSentenceWords = 4;
    private const int MaxSentenceWords = 90;
    private const double DuplicateJaccard = 0.5;
    private const double RareIdf = 6;

    [ThreadStatic]
    private static Scratch? t_scratch;

    public SummaryWeights Weights { get; } = weights ?? SummaryWeights.Default;

    /// <summary>Indexes into doc.Sentences of the summary, in text order (empty when no sentence qualifies).</summary>
    public List<int> Summarize(AnalyzedArticle doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var s = t_scratch ??= new Scratch();
        s.Words = PhraseWords.Of(doc, statistics, out var wordCount);
        var body = s.BodySentences(doc);
        if (body == 0)
        {
            return [];
        }

        // One weighted vector of stems per body sentence (and one for the headline): sorted keys with summed idf weights.
        s.Entries = 0;
        s.Centroid.Clear();
        var w = 0;
        var headline = (Start: 0, Length: 0);
        double headlineNorm = 0;
        if (doc.Blocks.Count > 0 && doc.Blocks[0].Kind == BlockKind.Headline)
        {
            var end = doc.Blocks[0].End;
            var start = s.Entries;
            for (; w < wordCount && doc.Tokens[s.Words[w].Token].Start < end; w++)
            {
                s.Add(s.Words[w]);
            }

            headline = (start, s.Merge(start));
            headlineNorm = s.Norm(headline.Start, headline.Length);
        }

        for (var i = 0; i < body; i++)
        {
            var sentence = doc.Sentences[s.Body[i]];
            while (w < wordCount && doc.Tokens[s.Words[w].Token].Start < sentence.Start)
            {
                w++;
            }

            var start = s.Entries;
            var rare = 0;
            var words = 0;
            for (; w < wordCount && doc.Tokens[s.Words[w].Token].End <= sentence.End; w++)
            {
                words++;
                rare += s.Words[w].Idf > RareIdf && !s.Words[w].Stop ? 1 : 0;
                s.Add(s.Words[w]);
            }

            ref var info = ref s.Sentences[i];
            info.Start = start;
            info.Length = s.Merge(start);
            info.Words = words + s.Numbers(doc, sentence);
            info.Rare = info.Words == 0 ? 0 : (double)rare / info.Words;
            info.Norm = s.Norm(start, info.Length);
            for (var k = start; k < start + info.Length; k++)
            {
                s.Centroid[s.Keys[k]] = s.Centroid.GetValueOrDefault(s.Keys[k]) + s.Weights[k];
            }
        }

        double centroidNorm = 0;
        foreach (var x in s.Centroid.Values)
        {
            centroidNorm += x * x;
        }

        centroidNorm = Math.Sqrt(centroidNorm);
        var candidates = 0;
        for (var i = 0; i < body; i++)
        {
            ref var info = ref s.Sentences[i];
            var sentence = doc.Sentences[s.Body[i]];
            if (!Eligible(doc, sentence, info.Words) || info.Norm == 0)
            {
                continue;
            }

            double toCentroid = 0;
            for (var k = info.Start; k < info.Start + info.Length; k++)
            {
                toCentroid += s.Weights[k] * s.Centroid[s.Keys[k]];
            }

            var density = Weights.EntityDensity == 0 ? 0 : doc.Mentions.Count > 0 ? Math.Min(1.0, MentionsIn(doc, sentence) / (double)Math.Max(1, info.Words) * 3) : info.Rare;
            info.Score = (Weights.Position / (1.0 + i))
                + (Weights.Centrality * toCentroid / (info.Norm * centroidNorm))
                + (headline.Length == 0 ? 0 : Weights.Headline * s.Dot(info.Start, info.Length, headline.Start, headline.Length) / (info.Norm * headlineNorm))
                + (Weights.EntityDensity * density);
            s.Order[candidates++] = i;
        }

        Array.Sort(s.Order, 0, candidates, s);
        var chosen = new List<int>(MaxSentences);
        var chosenWords = 0;
        for (var c = 0; c < candidates; c++)
        {
            var i = s.Order[c];
            if (chosen.Count == MaxSentences || (chosen.Count > 0 && chosenWords >= Weights.MinWords))
            {
                break;
            }

            var duplicate = false;
            foreach (var j in chosen)
            {
                duplicate |= s.Jaccard(i, j) >= DuplicateJaccard;
            }

            if (!duplicate)
            {
                chosen.Add(i);
                chosenWords += s.Sentences[i].Words;
            }
        }

        chosen.Sort();
        for (var k = 0; k < chosen.Count; k++)
        {
            chosen[k] = s.Body[chosen[k]];
        }

        return chosen;
    }

    /// <summary>The sentences of paragraph blocks (not the headline or captions), in text order.</summary>
    public static List<SentenceSpan> BodySentences(AnalyzedArticle doc)
    {
        var result = new List<SentenceSpan>();
        foreach (var s in doc.Sentences)
        {
            if (doc.BlockAt(s.Start) is { Kind: BlockKind.Paragraph })
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static int MentionsIn(AnalyzedArticle doc, SentenceSpan s)
    {
        var n = 0;
        foreach (var m in doc.Mentions)
        {
            n += m.Start >= s.Start && m.End <= s.End ? 1 : 0;
        }

        return n;
    }

    /// <summary>
    /// A sentence can stand alone: not too short or long, not ending with a colon (it introduces what follows), and
    /// not half of a quotation that the sentence splitter cut (an unbalanced quotation mark here and in the
    /// neighbouring sentence of the same paragraph). A lone unbalanced mark with balanced neighbours is a typo of
    /// the source, not a cut quote, so it does not disqualify the sentence.
    /// </summary>
    private static bool Eligible(AnalyzedArticle doc, SentenceSpan s, int words)
    {
        var text = doc.Text;
        if (words < MinSentenceWords || words > MaxSentenceWords || text[s.End - 1] == ':')
        {
            return false;
        }

        if (!Unbalanced(text, s))
        {
            return true;
        }

        var block = doc.BlockAt(s.Start);
        return !((s.Index > 0 && doc.BlockAt(doc.Sentences[s.Index - 1].Start) == block && Unbalanced(text, doc.Sentences[s.Index - 1]))
            || (s.Index + 1 < doc.Sentences.Count && doc.BlockAt(doc.Sentences[s.Index + 1].Start) == block && Unbalanced(text, doc.Sentences[s.Index + 1])));
    }

    /// <summary>An opening quotation mark without its closing one (or the reverse).</summary>
    private static bool Unbalanced(string text, SentenceSpan s)
    {
        int open = 0, close = 0, straight = 0, curly = 0;
        for (var k = s.Start; k < s.End; k++)
        {
            switch (text[k])
            {
                case '«':
                    open++;
                    break;
                case '»':
                    close++;
                    break;
                case '"':
                    straight++;
                    break;
                case '“' or '”':
                    curly++;
                    break;
            }
        }

        return open != close || straight % 2 != 0 || curly % 2 != 0;
    }

    private struct SentenceInfo
    {
        public int Start;
        public int Length;
        public int Words;
        public double Rare;
        public double Norm;
        public double Score;
    }

    /// <summary>Buffers reused by one thread from article to article.</summary>
    private sealed class Scratch : IComparer<int>
    {
        public PhraseWord[] Words = [];
        public ulong[] Keys = new ulong[512];
        public double[] Weights = new double[512];
        public int Entries;
        public int[] Body = new int[64];
        public SentenceInfo[] Sentences = new SentenceInfo[64];
        public int[] Order = new int[64];
        public readonly Dictionary<ulong, double> Centroid = new(512);

        /// <summary>Fills <see cref="Body"/> with the indexes of the sentences inside paragraphs; returns how many.</summary>
        public int BodySentences(AnalyzedArticle doc)
        {
            if (Body.Length < doc.Sentences.Count)
            {
                Body = new int[doc.Sentences.Count];
                Sentences = new SentenceInfo[doc.Sentences.Count];
                Order = new int[doc.Sentences.Count];
            }

            var n = 0;
            var b = 0;
            foreach (var s in doc.Sentences)
            {
                while (b < doc.Blocks.Count && doc.Blocks[b].End <= s.Start)
                {
                    b++;
                }

                if (b < doc.Blocks.Count && doc.Blocks[b].Start <= s.Start && doc.Blocks[b].Kind == BlockKind.Paragraph)
                {
                    Body[n++] = s.Index;
                }
            }

            return n;
        }

        public void Add(in PhraseWord w)
        {
            if (w.Stop)
            {
                return;
            }

            if (Entries == Keys.Length)
            {
                Array.Resize(ref Keys, Entries * 2);
                Array.Resize(ref Weights, Entries * 2);
            }

            Keys[Entries] = w.Key;
            Weights[Entries++] = w.Idf;
        }

        /// <summary>Sorts the entries from <paramref name="start"/> by key and sums repeated keys; returns the vector's length.</summary>
        public int Merge(int start)
        {
            var n = Entries - start;
            if (n == 0)
            {
                return 0;
            }

            Array.Sort(Keys, Weights, start, n);
            var last = start;
            for (var k = start + 1; k < Entries; k++)
            {
                if (Keys[k] == Keys[last])
                {
                    Weights[last] += Weights[k];
                }
                else
                {
                    last++;
                    Keys[last] = Keys[k];
                    Weights[last] = Weights[k];
                }
            }

            Entries = last + 1;
            return Entries - start;
        }

        public double Norm(int start, int length)
        {
            double sum = 0;
            for (var k = start; k < start + length; k++)
            {
                sum += Weights[k] * Weights[k];
            }

            return Math.Sqrt(sum);
        }

        /// <summary>The dot product of two sorted vectors.</summary>
        public double Dot(int a, int aLength, int b, int bLength)
        {
            double dot = 0;
            int i = a, j = b, aEnd = a + aLength, bEnd = b + bLength;
            while (i < aEnd && j < bEnd)
            {
                if (Keys[i] == Keys[j])
                {
                    dot += Weights[i++] * Weights[j++];
                }
                else if (Keys[i] < Keys[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            return dot;
        }

        /// <summary>Shared stems over all stems of two body sentences.</summary>
        public double Jaccard(int x, int y)
        {
            ref var a = ref Sentences[x];
            ref var b = ref Sentences[y];
            int i = a.Start, j = b.Start, aEnd = a.Start + a.Length, bEnd = b.Start + b.Length, shared = 0;
            while (i < aEnd && j < bEnd)
            {
                if (Keys[i] == Keys[j])
                {
                    shared++;
                    i++;
                    j++;
                }
                else if (Keys[i] < Keys[j])
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            var union = a.Length + b.Length - shared;
            return union == 0 ? 0 : (double)shared / union;
        }

        /// <summary>Numbers count as words for the sentence length (as they do for a reader).</summary>
        public int Numbers(AnalyzedArticle doc, SentenceSpan sentence)
        {
            var n = 0;
            var tokens = doc.Tokens;
            int lo = 0, hi = tokens.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (tokens[mid].Start < sentence.Start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            for (var t = lo; t < tokens.Count && tokens[t].End <= sentence.End; t++)
            {
                n += tokens[t].Kind is Marsad.Text.TokenKind.Number or Marsad.Text.TokenKind.Percent ? 1 : 0;
            }

            return n;
        }

        /// <summary>Best score first; ties to the earlier sentence.</summary>
        public int Compare(int x, int y) =>
            Sentences[x].Score != Sentences[y].Score ? Sentences[y].Score.CompareTo(Sentences[x].Score) : x.CompareTo(y);
    }
}
