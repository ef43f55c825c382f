using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>
/// Links a speaker or source span to an entity key: the mention that overlaps it most; else the
/// entity whose name or variant is the span's text; else, for an anaphoric noun (الصحيفة، الوزارة),
/// the last earlier mention introduced by that noun (صحيفة "نيويورك تايمز") or whose name opens with it.
/// </summary>
internal sealed class EntityLinker
{
    private readonly string _text;
    private readonly IReadOnlyList<Mention> _mentions;
    private readonly IReadOnlyList<Entity>? _entities;
    private Dictionary<string, string>? _keyByName;

    public EntityLinker(string text, IReadOnlyList<Mention>? mentions, IReadOnlyList<Entity>? entities)
    {
        _text = text;
        _mentions = mentions ?? [];
        _entities = entities is { Count: > 0 } ? entities : null;
    }

    public string? Link(int start, int end, string surface)
    {
        if (_mentions.Count == 0 && _entities is null)
        {
            return null;
        }

        string? best = null;
        var bestOverlap = 0;
        foreach (var m in _mentions)
        {
            if (m.EntityKey is null)
            {
                continue;
            }

            var overlap = Math.Min(end, m.End) - Math.Max(start, m.Start);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = m.EntityKey;
            }
        }

        // A mention covering at least half of the speaker's words is the speaker (not a word inside a role).
        if (best is not null && bestOverlap * 2 >= end - start)
        {
            return best;
        }

        var norm = QuoteText.NormalizePhrase(surface);
        if (KeyByName() is { } keyByName && keyByName.TryGetValue(norm, out var byName))
        {
            return byName;
        }

        if (QuoteLexicon.AnaphoricNounSet.Contains(norm))
        {
            return Antecedent(start, norm);
        }

        return null;
    }

    /// <summary>Entity keys by the normalised canonical names and variants; built on first use (most articles never need it).</summary>
    private Dictionary<string, string>? KeyByName()
    {
        if (_keyByName is not null || _entities is null)
        {
            return _keyByName;
        }

        _keyByName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entity in _entities)
        {
            _keyByName.TryAdd(QuoteText.NormalizePhrase(entity.CanonicalName), entity.Key);
            foreach (var variant in entity.Variants)
            {
                _keyByName.TryAdd(QuoteText.NormalizePhrase(variant), entity.Key);
            }
        }

        return _keyByName;
    }

    private string? Antecedent(int before, string anaphor)
    {
        var noun = anaphor[2..]; // الصحيفه → صحيفه
        for (var k = _mentions.Count - 1; k >= 0; k--)
        {
            var m = _mentions[k];
            if (m.EntityKey is null || m.Start >= before)
            {
                continue;
            }

            var first = QuoteText.Normalize(FirstWord(m.Text));
            if (first == anaphor || first == noun || QuoteText.Normalize(PreviousWord(m.Start)) == noun)
            {
                return m.EntityKey;
            }
        }

        return null;
    }

    private static string FirstWord(string s)
    {
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? s : s[..space];
    }

    // The word before a mention, skipping spaces and quotation marks (صحيفة "نيويورك تايمز").
    private string PreviousWord(int offset)
    {
        var end = offset;
        while (end > 0 && (char.IsWhiteSpace(_text[end - 1]) || QuoteText.IsQuoteMark(_text[end - 1])))
        {
            end--;
        }

        var start = end;
        while (start > 0 && QuoteText.IsWordChar(_text[start - 1]))
        {
            start--;
        }

        return _text[start..end];
    }
}
