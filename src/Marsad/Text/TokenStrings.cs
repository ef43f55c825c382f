using System.Collections.Concurrent;

namespace Marsad.Text;

/// <summary>
/// One shared string per distinct short token form (normalised forms, segment forms, stems): the same few thousand
/// words make up most of every article, so the token layer's strings are looked up by their characters and made
/// only the first time. Equal forms give equal strings either way, so nothing in the output changes. The pool is
/// bounded (<see cref="Capacity"/> forms; later new forms are made but not kept) and thread-safe.
/// </summary>
internal static class TokenStrings
{
    /// <summary>The most forms kept (a few MB at most).</summary>
    public const int Capacity = 200_000;

    /// <summary>Forms longer than this are rare (URLs, long numbers) and are not pooled.</summary>
    public const int MaxLength = 24;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    private static int _count;

    /// <summary>The pooled string equal to <paramref name="form"/>.</summary>
    public static string Get(ReadOnlySpan<char> form)
    {
        if (form.IsEmpty)
        {
            return "";
        }

        if (form.Length > MaxLength)
        {
            return new string(form);
        }

        if (BySpan.TryGetValue(form, out var pooled))
        {
            return pooled;
        }

        var made = new string(form);
        if (Volatile.Read(ref _count) < Capacity)
        {
            if (Pool.TryAdd(made, made))
            {
                Interlocked.Increment(ref _count);
            }
            else if (Pool.TryGetValue(made, out var other))
            {
                // Another thread added the same form meanwhile: share its string.
                return other;
            }
        }

        return made;
    }
}
