using System.Runtime.CompilerServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Recognises the nisba adjective of a country (كوري ← كوريا، لبناني ← لبنان، يمني ← اليمن، سعودية ←
/// السعودية) by looking the adjective's possible base names up among the gazetteer's country names
/// and the first words of its multi-word ones (كوريا of كوريا الشمالية). ANERcorp tags these
/// adjectives O, yet some collide with a city name (كوري is Kure in Japan), so the tagger gets this as
/// a feature and the product drops one-word places that are such adjectives. Works on the bare form
/// (normalised, no proclitics, no article); lookups allocate nothing. Immutable.
/// </summary>
public sealed class NerCountryAdjectives
{
    private const char Yeh = '\u064A'; // ARABIC LETTER YEH
    private const char Heh = '\u0647'; // ARABIC LETTER HEH (teh marbuta after normalisation)
    private const char Alef = '\u0627'; // ARABIC LETTER ALEF
    private const char Lam = '\u0644'; // ARABIC LETTER LAM

    private readonly HashSet<string> _countries;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NerCountryAdjectives(NerGazetteer gazetteer)
    {
        _countries = new HashSet<string>(StringComparer.Ordinal);
        var bit = CountryBit(gazetteer);
        if (bit != 0)
        {
            foreach (var phrase in gazetteer.PhrasesWith(bit))
            {
                _countries.Add(phrase);
                var space = phrase.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    _countries.Add(phrase[..space]);
                }
            }
        }

        _lookup = _countries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether <paramref name="word"/> (a standalone form) is a country name or the first word of one.</summary>
    public bool IsCountry(ReadOnlySpan<char> word) => _lookup.Contains(word);

    /// <summary>
    /// Whether a standalone form (no proclitics, article kept) is a country's adjective and not itself a country
    /// (كوري and الكوري yes; مالي, a country and also "financial", no).
    /// </summary>
    public bool IsAdjectiveRatherThanCountry(ReadOnlySpan<char> standalone)
    {
        if (IsCountry(standalone))
        {
            return false;
        }

        var bare = standalone.Length > 3 && standalone[0] == Alef && standalone[1] == Lam ? standalone[2..] : standalone;
        return IsCountryAdjective(bare);
    }

    /// <summary>Whether <paramref name="bare"/> (e.g. كوري، الكوريه without its article) is the adjective of a country.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsCountryAdjective(ReadOnlySpan<char> bare)
    {
        if (_countries.Count == 0 || bare.Length < 4 || bare.Length > 30)
        {
            return false;
        }

        // The stem before the nisba ending -ي / -يه.
        ReadOnlySpan<char> stem;
        if (bare[^1] == Yeh)
        {
            stem = bare[..^1];
        }
        else if (bare[^1] == Heh && bare[^2] == Yeh)
        {
            stem = bare[..^2];
        }
        else
        {
            return false;
        }

        if (stem.Length < 2)
        {
            return false;
        }

        // Base names: لبنان (stem), فرنسا (stem + ا), كوريا (stem + يا), اليمن (ال + stem), السعوديه (ال + stem + يه).
        Span<char> candidate = stackalloc char[stem.Length + 4];
        stem.CopyTo(candidate);
        if (IsCountry(candidate[..stem.Length]))
        {
            return true;
        }

        candidate[stem.Length] = Alef;
        if (IsCountry(candidate[..(stem.Length + 1)]))
        {
            return true;
        }

        candidate[stem.Length] = Yeh;
        candidate[stem.Length + 1] = Alef;
        if (IsCountry(candidate[..(stem.Length + 2)]))
        {
            return true;
        }

        candidate[0] = Alef;
        candidate[1] = Lam;
        stem.CopyTo(candidate[2..]);
        if (IsCountry(candidate[..(stem.Length + 2)]))
        {
            return true;
        }

        candidate[stem.Length + 2] = Yeh;
        candidate[stem.Length + 3] = Heh;
        return IsCountry(candidate);
    }

    /// <summary>The gazetteer bit of the "country" category (0 when it has none).</summary>
    public static ushort CountryBit(NerGazetteer gazetteer)
    {
        for (var c = 0; c < gazetteer.Categories.Count; c++)
        {
            if (gazetteer.Categories[c] == "country")
            {
                return (ushort)(1 << c);
            }
        }

        return 0;
    }
}
