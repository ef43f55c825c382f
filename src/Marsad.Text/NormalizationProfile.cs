namespace Marsad.Text;

/// <summary>
/// How far <see cref="ArabicNormalizer"/> goes. Profiles are nested: each applies every rule of the one before.
/// The rules are listed in Resources/letter-map.tsv and Resources/presentation-forms.tsv.
/// </summary>
public enum NormalizationProfile
{
    /// <summary>
    /// For showing text: presentation forms to base letters, zero-width and bidi marks and tatweel removed,
    /// Persian yeh/keheh/ae to Arabic letters. Diacritics, hamza seats, digits and punctuation are kept.
    /// </summary>
    Display,

    /// <summary>
    /// For models and gazetteer matching: Display, plus diacritics removed, alef forms (أ إ آ ٱ) to ا,
    /// alef maksura to yeh, Persian/Urdu letters mapped, Arabic-Indic and Persian digits to ASCII, Arabic
    /// punctuation and quote marks to ASCII. Teh marbuta and hamza seats are kept.
    /// </summary>
    Matching,

    /// <summary>For the search index: Matching, plus teh marbuta to heh, ؤ to و, ئ to ي, and lower-case Latin.</summary>
    Search,
}
