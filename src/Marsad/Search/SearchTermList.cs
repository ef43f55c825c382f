namespace Marsad.Search;

/// <summary>
/// The search terms of one text, in order: each with its span in the text and its position increment
/// (0 when it is stacked on the previous term, as a word's clitic-free form is on the word). The terms'
/// characters share one growing buffer, so a list is reused from article to article without allocating.
/// Not thread-safe: one list per writer or per token stream.
/// </summary>
public sealed class SearchTermList
{
    private char[] _chars = new char[2048];
    private Entry[] _entries = new Entry[256];
    private int _charCount;

    /// <summary>One term: [Start, End) in the text, its characters in the list's buffer, and its position increment.</summary>
    public readonly record struct Entry(int Start, int End, int CharStart, int Length, int PositionIncrement);

    public int Count { get; private set; }

    public Entry this[int index] => index < Count ? _entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The characters of term <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index)
    {
        var e = this[index];
        return _chars.AsSpan(e.CharStart, e.Length);
    }

    public string TermString(int index) => new(Term(index));

    public void Clear()
    {
        Count = 0;
        _charCount = 0;
    }

    /// <summary>Appends the terms of <paramref name="source"/> that end at or before <paramref name="end"/> (e.g. the headline's terms out of the whole text's).</summary>
    public void AddPrefix(SearchTermList source, int end)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (var i = 0; i < source.Count && source._entries[i].End <= end; i++)
        {
            var e = source._entries[i];
            Add(e.Start, e.End, source._chars.AsSpan(e.CharStart, e.Length), e.PositionIncrement);
        }
    }

    internal void Add(int start, int end, ReadOnlySpan<char> term, int positionIncrement)
    {
        if (_charCount + term.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + term.Length));
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        term.CopyTo(_chars.AsSpan(_charCount));
        _entries[Count++] = new Entry(start, end, _charCount, term.Length, positionIncrement);
        _charCount += term.Length;
    }
}
