using System.Collections.Concurrent;

namespace Marsad.Entities.Resolution;

/// <summary>
/// <see cref="NameForm.Parse"/> with a shared, bounded cache: the same names (countries, leaders, cities) come back in
/// article after article and in several mentions of one article, and a parsed form is immutable, so each distinct
/// surface is parsed once. Once <see cref="Capacity"/> surfaces are cached, new ones are parsed without being kept.
/// Thread-safe.
/// </summary>
internal static class NameForms
{
    /// <summary>The most surfaces kept (a few MB at most).</summary>
    public const int Capacity = 50_000;

    private static readonly ConcurrentDictionary<string, NameForm> Cache = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>The parsed form of <paramref name="surface"/>: equal to <c>NameForm.Parse(surface)</c>.</summary>
    public static NameForm Of(string surface)
    {
        if (Cache.TryGetValue(surface, out var form))
        {
            return form;
        }

        form = NameForm.Parse(surface);
        if (Volatile.Read(ref _count) < Capacity && Cache.TryAdd(surface, form))
        {
            Interlocked.Increment(ref _count);
        }

        return form;
    }
}
