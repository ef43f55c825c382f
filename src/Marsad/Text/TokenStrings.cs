namespace Marsad.Text;

/// <summary>
/// Shared strings for the shortest token forms (normalised forms, segment forms, stems, quotation keys): a few hundred
/// short words and marks make up a large share of every article, so such a form is looked up by its characters and a
/// new string is made only when the form is not already held. A small two-way set-associative table per thread (like a CPU cache: two slots per
/// hash, a new form replaces the older one of its set) keeps the look-up to one hash and one or two comparisons, stays in the
/// processor's cache, needs no lock and never grows. Equal forms give equal strings either way, so nothing in the
/// output changes.
/// </summary>
internal static class TokenStrings
{
    /// <summary>
    /// Only forms this short are pooled: the function words and punctuation (في، من، على، أن، و، .) that make up a
    /// large share of the tokens and whose strings stay in the processor's cache. Measured in the whole pipeline
    /// (same process, alternating rounds, 300 ANT dev articles): pooling forms of up to 3 characters cut the text stage
    /// from 58.7 to 51.6 KB per article for 2.5 % more CPU; up to 5 characters, 44 KB for 26 % more; up to 24, 40.6 KB
    /// for 39 % more (a look-up of a longer, rarer form mostly misses the cache, which costs more than making the string).
    /// </summary>
    public const int MaxLength = 3;

    /// <summary>Slots per thread (a power of two; 256 KB of references, of which the frequent forms use few).</summary>
    private const int Slots = 32768;

    [ThreadStatic]
    private static string?[]? _slots;



    /// <summary>A string equal to <paramref name="form"/>: the one held for it when there is one.</summary>
    public static string Get(ReadOnlySpan<char> form) => Get(form, ForThread());

    /// <summary>The calling thread's table, to pass to <see cref="Get(ReadOnlySpan{char}, string?[])"/> in a loop (one thread-static read instead of one per form).</summary>
    public static string?[] ForThread() => _slots ??= new string?[Slots];

    /// <summary>Like <see cref="Get(ReadOnlySpan{char})"/> with the thread's table (<see cref="ForThread"/>) given.</summary>
    public static string Get(ReadOnlySpan<char> form, string?[] slots)
    {
        if (form.IsEmpty)
        {
            return "";
        }

        if (form.Length > MaxLength)
        {
            return new string(form);
        }

        // FNV-1a: cheap for a few characters, and spreads Arabic letters (which share their high byte) well enough.
        var hash = 2166136261u;
        foreach (var c in form)
        {
            hash = (hash ^ c) * 16777619u;
        }

        // Two ways per set: the most recent form first. A hit in the second way moves it to the first; a new form
        // takes the first way and pushes the old one to the second, so a frequent word survives one rare neighbour.
        var set = (int)(hash & (Slots - 2));
        if (slots[set] is { } recent && form.SequenceEqual(recent))
        {
            return recent;
        }

        var older = slots[set + 1];
        if (older is not null && form.SequenceEqual(older))
        {
            slots[set + 1] = slots[set];
            slots[set] = older;
            return older;
        }

        var made = new string(form);
        slots[set + 1] = slots[set];
        slots[set] = made;
        return made;
    }
}
