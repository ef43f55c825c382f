using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Turns a sentence into hashed features per token (64-bit FNV-1a of a template id and its values),
/// from the word forms (<see cref="NerWordForms"/>), proclitic stripping and clusters
/// (<see cref="NerLexicon"/>) and name lists (<see cref="NerGazetteer"/>). Feature groups can be
/// switched off for ablation. Thread-safe: all per-sentence state lives in the caller's
/// <see cref="NerFeatureBuffer"/>.
/// </summary>
public sealed class NerFeatureExtractor
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char Lam = '\u0644'; // ARABIC LETTER LAM

    public NerFeatureExtractor(NerLexicon lexicon, NerGazetteer gazetteer, NerFeatureGroups groups, NerSubwordVectors? subwords = null)
    {
        Lexicon = lexicon;
        Gazetteer = gazetteer;
        Groups = groups;
        Subwords = (groups & NerFeatureGroups.Subwords) != 0 && subwords is not null && subwords.Dimensions == lexicon.VectorDimensions ? subwords : null;
        for (var c = 0; c < gazetteer.Categories.Count; c++)
        {
            if (gazetteer.Categories[c] == "title")
            {
                _titleBit = (ushort)(1 << c);
            }
        }

        CountryAdjectives = new NerCountryAdjectives(gazetteer);
    }

    public NerLexicon Lexicon { get; }

    /// <summary>Composes vectors for words the lexicon has none for; null when the group is off or the model has none.</summary>
    public NerSubwordVectors? Subwords { get; }

    public NerGazetteer Gazetteer { get; }

    /// <summary>The gazetteer bit of the "title" category (0 when the gazetteer has none).</summary>
    private readonly ushort _titleBit;

    /// <summary>Country adjectives (كوري ← كوريا) by the gazetteer's country names.</summary>
    public NerCountryAdjectives CountryAdjectives { get; }

    public NerFeatureGroups Groups { get; }

    /// <summary>Fills <paramref name="buffer"/> with the features of every token of <paramref name="sentence"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Extract(NerTokenSpans sentence, NerFeatureBuffer buffer)
    {
        var n = sentence.Count;
        buffer.Reset(n);
        if (Subwords is not null)
        {
            buffer.EnsureComposed(Subwords.Dimensions, Lexicon.ClusterCounts.Count);
        }
        // Forms are built in scratch space and taken from the lexicon when it knows them, so the
        // frequent words of an article cost no string (≈ 30 KB per article before).
        Span<char> scratch = stackalloc char[128];
        for (var i = 0; i < n; i++)
        {
            var token = sentence[i];
            var form = token.Length < scratch.Length ? scratch : new char[token.Length + 2];
            var length = NerWordForms.Normalize(token, form[1..]);
            var normalizedSpan = form.Slice(1, length);
            var p = Lexicon.ProcliticLength(normalizedSpan, out var restoresAl, out var wordRow);
            var normalized = wordRow >= 0 ? Lexicon.WordOf(wordRow) : new string(normalizedSpan);
            string standalone;
            int row;
            if (p == 0 && !restoresAl)
            {
                standalone = normalized;
                row = wordRow;
            }
            else
            {
                if (restoresAl)
                {
                    form[p] = '\u0627'; // ARABIC LETTER ALEF: the article the clitic ل swallowed (للبيت → البيت)
                    standalone = Lexicon.StringOf(form.Slice(p, length + 1 - p), out row);
                }
                else
                {
                    standalone = Lexicon.StringOf(normalizedSpan[p..], out row);
                }
            }

            var bareRow = row;
            var bare = standalone.Length > 3 && standalone[0] == Alef && standalone[1] == Lam ? Lexicon.StringOf(standalone.AsSpan(2), out bareRow) : standalone;
            buffer.Normalized[i] = normalized;
            buffer.Standalone[i] = standalone;
            buffer.Bare[i] = bare;
            buffer.Proclitics[i] = p + (restoresAl || !ReferenceEquals(bare, standalone) ? 8 : 0);
            buffer.Shapes[i] = NerWordForms.Shape(token);
            buffer.Rows[i] = row;
            buffer.BareRows[i] = bareRow;
            buffer.Composed[i] = false;
            if (Subwords is not null && (row < 0 || row >= Lexicon.VectorCount))
            {
                Compose(buffer, i, standalone);
            }
        }

        // With a group off its arrays are cleared, not left from the thread's previous sentence: the neural layer reads them.
        if ((Groups & NerFeatureGroups.Gazetteer) != 0)
        {
            Gazetteer.Match(buffer.Standalone, buffer.GazetteerBits.AsSpan(0, n), buffer.GazetteerBegins.AsSpan(0, n));
        }
        else
        {
            buffer.GazetteerBits.AsSpan(0, n).Clear();
            buffer.GazetteerBegins.AsSpan(0, n).Clear();
        }

        if ((Groups & NerFeatureGroups.Triggers) != 0)
        {
            // Once per token: the feature windows below look at each token's kind several times.
            for (var i = 0; i < n; i++)
            {
                buffer.Triggers[i] = TriggerKind(buffer, i);
            }
        }
        else
        {
            buffer.Triggers.AsSpan(0, n).Clear();
        }

        for (var i = 0; i < n; i++)
        {
            buffer.BeginToken();
            AddToken(buffer, i, n);
        }

        buffer.EndSentence();
    }

    /// <summary>Gives a token without a lexicon vector its n-gram vector and that vector's nearest clusters.</summary>
    private void Compose(NerFeatureBuffer buffer, int i, string standalone)
    {
        var dim = Subwords!.Dimensions;
        var vector = buffer.ComposedVectors.AsSpan(i * dim, dim);
        if (!Subwords.Compose(standalone, vector))
        {
            return;
        }

        buffer.Composed[i] = true;
        var levels = Lexicon.ClusterCounts.Count;
        for (var l = 0; l < levels; l++)
        {
            buffer.ComposedClusters[(i * levels) + l] = Subwords.NearestCluster(vector, l);
        }
    }

    /// <summary>
    /// The word vector of token <paramref name="i"/> of the last extracted sentence: the lexicon's, else
    /// the composed one, else empty.
    /// </summary>
    public ReadOnlySpan<float> VectorOf(NerFeatureBuffer b, int i)
    {
        var v = Lexicon.VectorOf(b.Rows[i]);
        if (v.IsEmpty && b.Composed[i])
        {
            v = b.ComposedVectors.AsSpan(i * Lexicon.VectorDimensions, Lexicon.VectorDimensions);
        }

        return v;
    }

    /// <summary>The cluster of token <paramref name="i"/>: the lexicon's, else the composed vector's, else -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ClusterOfToken(NerFeatureBuffer b, int i, int level)
    {
        var c = Lexicon.ClusterOf(b.Rows[i], level);
        return c < 0 && b.Composed[i] ? b.ComposedClusters[(i * Lexicon.ClusterCounts.Count) + level] : c;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToken(NerFeatureBuffer b, int i, int n)
    {
        var normalized = b.Normalized[i];
        var standalone = b.Standalone[i];
        var bare = b.Bare[i];

        // Lexical features (the word's own identity) come first, so that training can drop them
        // for a token and make the model rely on what generalises to unseen names (word dropout).
        if ((Groups & NerFeatureGroups.Word) != 0)
        {
            b.Add(Hash(1, normalized));
            if ((Groups & NerFeatureGroups.Context) != 0)
            {
                b.Add(Hash(44, Form(b.Normalized, i - 1), normalized));
                b.Add(Hash(45, normalized, Form(b.Normalized, i + 1)));
            }
        }

        if ((Groups & NerFeatureGroups.Clitics) != 0)
        {
            b.Add(Hash(2, standalone));
            b.Add(Hash(3, bare));
            b.Add(Hash(7, Form(b.Bare, i - 1), bare));
        }

        b.MarkLexicalEnd();
        b.Add(Hash(0));
        if ((Groups & NerFeatureGroups.Clitics) != 0)
        {
            b.Add(Hash(4, b.Proclitics[i]));
            b.Add(Hash(5, Form(b.Standalone, i - 1)));
            b.Add(Hash(6, Form(b.Standalone, i + 1)));
        }

        if ((Groups & NerFeatureGroups.Affixes) != 0)
        {
            for (var k = 1; k <= 3; k++)
            {
                if (bare.Length > k)
                {
                    b.Add(Hash(10 + k, bare.AsSpan(bare.Length - k)));
                    b.Add(Hash(20 + k, bare.AsSpan(0, k)));
                }
            }

            if (bare.Length > 4)
            {
                b.Add(Hash(14, bare.AsSpan(bare.Length - 4)));
            }

            if (normalized.Length > 1 && (Groups & NerFeatureGroups.Clitics) == 0)
            {
                // Without clitic stripping the raw first letters still carry و/ب/ل/ال.
                b.Add(Hash(24, normalized.AsSpan(0, Math.Min(2, normalized.Length))));
            }
        }

        if ((Groups & NerFeatureGroups.Shape) != 0)
        {
            b.Add(Hash(30, (int)b.Shapes[i]));
            b.Add(Hash(31, ShapeAt(b, i - 1) * 256 + ((int)b.Shapes[i] * 16) + ShapeAt(b, i + 1)));
            b.Add(Hash(32, Math.Min(bare.Length, 12)));
            b.Add(Hash(33, i == 0 ? 1 : 0));
        }

        if ((Groups & NerFeatureGroups.Context) != 0)
        {
            b.Add(Hash(40, Form(b.Normalized, i - 1)));
            b.Add(Hash(41, Form(b.Normalized, i - 2)));
            b.Add(Hash(42, Form(b.Normalized, i + 1)));
            b.Add(Hash(43, Form(b.Normalized, i + 2)));
            b.Add(Hash(46, Form(b.Normalized, i - 2), Form(b.Normalized, i - 1)));
        }

        if ((Groups & NerFeatureGroups.Gazetteer) != 0)
        {
            AddGazetteer(b, 50, i, n);
            AddGazetteer(b, 51, i - 1, n);
            AddGazetteer(b, 52, i + 1, n);
            b.Add(Hash(53, GazetteerCode(b, i, n) * 65536 + GazetteerCode(b, i + 1, n)));
        }

        if ((Groups & NerFeatureGroups.Adjectives) != 0 && CountryAdjectives.IsCountryAdjective(bare))
        {
            b.Add(Hash(54));
        }

        if ((Groups & NerFeatureGroups.Triggers) != 0)
        {
            AddTriggers(b, i, n);
        }

        if ((Groups & NerFeatureGroups.Clusters) != 0)
        {
            var row = b.Rows[i];
            var count = Lexicon.CountAt(row); // the standalone form's row
            b.Add(Hash(60, count == 0 ? 0 : 1 + (int)Math.Log2(count)));
            var levels = Lexicon.ClusterCounts.Count;
            for (var l = 0; l < levels; l++)
            {
                var c0 = ClusterOfToken(b, i, l);
                b.Add(Hash(61 + (l * 8), c0));
                b.Add(Hash(62 + (l * 8), ClusterAt(b, i - 1, n, l)));
                b.Add(Hash(63 + (l * 8), ClusterAt(b, i + 1, n, l)));
                if (l == 1)
                {
                    b.Add(Hash(64 + (l * 8), (ClusterAt(b, i - 1, n, l) * 4096) + c0));
                    b.Add(Hash(65 + (l * 8), (c0 * 4096) + ClusterAt(b, i + 1, n, l)));
                    b.Add(Hash(66 + (l * 8), ClusterAt(b, i - 2, n, l)));
                    b.Add(Hash(67 + (l * 8), ClusterAt(b, i + 2, n, l)));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddTriggers(NerFeatureBuffer b, int i, int n)
    {
        // The nearest trigger in the three words to the left, with its distance: a title announces
        // a person, an organisation head (وزارة، حزب...) an organisation name that may run on.
        for (var d = 1; d <= 3 && i - d >= 0; d++)
        {
            var kind = b.Triggers[i - d];
            if (kind != 0)
            {
                b.Add(Hash(90, (kind * 8) + d));
                break;
            }
        }

        var own = b.Triggers[i];
        if (own != 0)
        {
            b.Add(Hash(91, own));
        }

        // Clusters of the stem without the article: الرياض and رياض share evidence.
        if ((Groups & NerFeatureGroups.Clusters) != 0 && !ReferenceEquals(b.Bare[i], b.Standalone[i]))
        {
            var row = b.BareRows[i];
            for (var l = 0; l < Lexicon.ClusterCounts.Count; l++)
            {
                b.Add(Hash(92 + l, Lexicon.ClusterOf(row, l)));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte TriggerKind(NerFeatureBuffer b, int i)
    {
        if (NerTriggerWords.IsOrganisationHead(b.Bare[i]))
        {
            return 1;
        }

        if (_titleBit != 0 && (b.GazetteerBits[i] & _titleBit) != 0)
        {
            return 2;
        }

        return (byte)(NerTriggerWords.IsPersonTitle(b.Bare[i]) ? 3 : 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddGazetteer(NerFeatureBuffer b, int template, int i, int n)
    {
        if (i < 0 || i >= n || b.GazetteerBits[i] == 0)
        {
            return;
        }

        var bits = b.GazetteerBits[i];
        var begin = b.GazetteerBegins[i] ? 1 : 0;
        for (var c = 0; c < 16; c++)
        {
            if ((bits & (1 << c)) != 0)
            {
                b.Add(Hash(template, (c * 2) + begin));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int GazetteerCode(NerFeatureBuffer b, int i, int n) =>
        i < 0 || i >= n ? 65535 : (b.GazetteerBits[i] * 2) + (b.GazetteerBegins[i] ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ClusterAt(NerFeatureBuffer b, int i, int n, int level) =>
        i < 0 ? -2 : i >= n ? -3 : ClusterOfToken(b, i, level);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShapeAt(NerFeatureBuffer b, int i) =>
        i < 0 ? 14 : i >= b.Count ? 15 : (int)b.Shapes[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string Form(string[] forms, int i) =>
        i < 0 ? "<s>" : i >= forms.Length || forms[i] is null ? "</s>" : forms[i];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(int template)
    {
        var h = Offset;
        h = (h ^ (uint)template) * Prime;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(int template, int value)
    {
        var h = Hash(template);
        h = (h ^ (uint)value) * Prime;
        h = (h ^ ((uint)value >> 16)) * Prime;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Hash(int template, ReadOnlySpan<char> value)
    {
        var h = Hash(template);
        foreach (var c in value)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Hash(int template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = Hash(template, a);
        h = (h ^ 0xFFFF) * Prime;
        foreach (var c in b)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }
}
