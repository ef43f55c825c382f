namespace Marsad.Entities.Resolution;

/// <summary>
/// The words of one article text (maximal runs of <see cref="NameNormalizer.IsNameChar"/>) with their phonetic
/// forms (<see cref="NameNormalizer.Phonetic(ReadOnlySpan{char})"/>), computed once per article and shared by mention
/// completion and entity resolution. The forms live in one character buffer and a small open-addressing hash set
/// answers "does this phonetic form stand alone in the text?" for a span, so nothing is allocated per word.
/// One instance per thread is reused from article to article (<see cref="For"/>); not thread-safe itself.
/// </summary>
internal sealed class PhoneticWords
{
    [ThreadStatic]
    private static PhoneticWords? _perThread;

    private (int Start, int End)[] _spans = new (int, int)[512];
    private int[] _formStart = new int[512];
    private int[] _formLength = new int[512];
    private char[] _chars = new char[4096];
    private int[] _slots = new int[1024];
    private char[] _scratch = new char[256];
    private string _text = "";

    /// <summary>The article text the words come from.</summary>
    public string Text => _text;

    /// <summary>Number of words.</summary>
    public int Count { get; private set; }

    /// <summary>The calling thread's instance, filled with the words of <paramref name="text"/>.</summary>
    public static PhoneticWords For(string text)
    {
        var words = _perThread ??= new PhoneticWords();
        if (!ReferenceEquals(words._text, text))
        {
            words.Fill(text);
        }

        return words;
    }

    /// <summary>The span of word <paramref name="index"/> in the text.</summary>
    public (int Start, int End) this[int index] => _spans[index];

    /// <summary>The phonetic form of word <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Phonetic(int index) => _chars.AsSpan(_formStart[index], _formLength[index]);

    /// <summary>A scratch buffer of at least <paramref name="length"/> characters for the caller's keys; growing it keeps its contents.</summary>
    public char[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            Array.Resize(ref _scratch, Math.Max(length, _scratch.Length * 2));
        }

        return _scratch;
    }

    /// <summary>Whether some word of the text has the phonetic form <paramref name="form"/>.</summary>
    public bool Contains(ReadOnlySpan<char> form)
    {
        var mask = _slots.Length - 1;
        for (var slot = string.GetHashCode(form) & mask; ; slot = (slot + 1) & mask)
        {
            var word = _slots[slot] - 1;
            if (word < 0)
            {
                return false;
            }

            if (Phonetic(word).SequenceEqual(form))
            {
                return true;
            }
        }
    }

    private void Fill(string text)
    {
        _text = text;
        Count = 0;
        var used = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && NameNormalizer.IsNameChar(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (Count == _spans.Length)
                {
                    Array.Resize(ref _spans, Count * 2);
                    Array.Resize(ref _formStart, Count * 2);
                    Array.Resize(ref _formLength, Count * 2);
                }

                // A phonetic form is never longer than its word.
                if (used + (i - start) > _chars.Length)
                {
                    Array.Resize(ref _chars, Math.Max(_chars.Length * 2, used + (i - start)));
                }

                var length = NameNormalizer.Phonetic(text.AsSpan(start, i - start), _chars.AsSpan(used));
                _spans[Count] = (start, i);
                _formStart[Count] = used;
                _formLength[Count] = length;
                used += length;
                Count++;
                start = -1;
            }
        }

        // The set keeps the first word of each distinct form; at most half full.
        var size = _slots.Length;
        while (size < Count * 2)
        {
            size *= 2;
        }

        if (size != _slots.Length)
        {
            _slots = new int[size];
        }
        else
        {
            Array.Clear(_slots);
        }

        var mask = size - 1;
        for (var w = 0; w < Count; w++)
        {
            var form = Phonetic(w);
            for (var slot = string.GetHashCode(form) & mask; ; slot = (slot + 1) & mask)
            {
                var other = _slots[slot] - 1;
                if (other < 0)
                {
                    _slots[slot] = w + 1;
                    break;
                }

                if (Phonetic(other).SequenceEqual(form))
                {
                    break;
                }
            }
        }
    }
}
