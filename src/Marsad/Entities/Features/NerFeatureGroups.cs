namespace Marsad.Entities.Features;

/// <summary>Groups of NER features that can be switched off together (for the ablation study).</summary>
[Flags]
public enum NerFeatureGroups
{
    None = 0,

    /// <summary>The token's normalised form.</summary>
    Word = 1,

    /// <summary>Proclitic stripping: the standalone form, the bare stem, the stripped proclitics.</summary>
    Clitics = 2,

    /// <summary>Prefixes and suffixes of the stem.</summary>
    Affixes = 4,

    /// <summary>Script, digits, punctuation and length.</summary>
    Shape = 8,

    /// <summary>Neighbouring words ±2 and word bigrams.</summary>
    Context = 16,

    /// <summary>Membership in the name lists (GATE, kb).</summary>
    Gazetteer = 32,

    /// <summary>Word clusters and frequencies learned from unlabelled news.</summary>
    Clusters = 64,

    /// <summary>
    /// Trigger words to the left (organisation heads such as وزارة or حزب, person titles from the
    /// gazetteer) and the word clusters of the stem without the article.
    /// </summary>
    Triggers = 128,

    /// <summary>Word vectors (skip-gram, from unlabelled news) of the token and its neighbours as real-valued features.</summary>
    Embeddings = 256,

    /// <summary>
    /// The token is the nisba adjective of a country in the gazetteer (كوري ← كوريا): ANERcorp tags
    /// these O. Models saved before this group existed have it off.
    /// </summary>
    Adjectives = 512,

    /// <summary>The default feature set (every group but the opt-in <see cref="Subwords"/>).</summary>
    All = Word | Clitics | Affixes | Shape | Context | Gazetteer | Clusters | Triggers | Embeddings | Adjectives,

    /// <summary>
    /// Opt-in (not in <see cref="All"/>; session 4 found no dev gain): words without a vector in the lexicon
    /// get one composed from their character n-grams (<see cref="NerSubwordVectors"/>), used as a dense
    /// feature and for their clusters.
    /// </summary>
    Subwords = 1024,
}
