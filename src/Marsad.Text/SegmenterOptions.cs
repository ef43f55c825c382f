namespace Marsad.Text;

/// <summary>
/// The weights of <see cref="CliticSegmenter"/>'s decision, in natural-log units of corpus frequency. A split
/// wins when ln(1 + stem evidence) plus the bonuses of its clitics beats ln(1 + count of the whole word).
/// A bonus of b means the stem may be e^-b times as frequent as the whole word and still split.
/// The defaults were chosen on Marsad's own development lists (gold/text/segmentation-dev.seg, and the tuning half
/// gold/text/segmentation-dev2a.seg) and on ANT news statistics (train counts, dev reading); never on the WikiNews,
/// PUD, PADT or QCRI evaluation sets.
/// </summary>
public sealed record SegmenterOptions
{
    public double Conjunction { get; init; } = 3.0; // و ف
    public double ConjunctionFa { get; init; } = 1.0; // ف
    public double Preposition { get; init; } = 2.5; // ب ل
    public double PrepositionKaf { get; init; } = 0.5; // ك

    /// <summary>ل before a stem without the article: lower than ب, because many foreign names begin with ل (ليون، لورا).</summary>
    public double PrepositionLam { get; init; } = 1.5;
    public double Future { get; init; } = 1.5; // س
    public double Article { get; init; } = 8.0; // ال
    public double PronounHeh { get; init; } = 3.0; // ه ها هم هما هن
    public double PronounKaf { get; init; } = -1.5; // ك كم كما كن
    public double PronounYeh { get; init; } = -2.0; // ي ني
    public double PronounNa { get; init; } = 0.5; // نا

    /// <summary>Added to the whole word when it is a known name (gazetteer, country or city list).</summary>
    public double NameBonus { get; init; } = 4.0;

    /// <summary>Added to a split with a pronoun when the unsplit word also takes the article (العربي: عربي is not عرب+ي).</summary>
    public double ArticlePenalty { get; init; } = -5.0;

    /// <summary>
    /// A word beginning with ال that itself takes the article this often (الالتزام، الالعاب) has ال as part of it
    /// (التزام، ألعاب written without hamza), so that ال is not split as the article.
    /// </summary>
    public int ArticleInStemMinCount { get; init; } = 2;

    /// <summary>
    /// A proclitic is not split from a word seen this often that never occurs without it (وصفوه is a verb, not
    /// و+صفو+ه, because صفوه never occurs).
    /// </summary>
    public int InseparableMinCount { get; init; } = 5;

    /// <summary>Stems of two letters must be this much more convincing (they are often parts of longer words).</summary>
    public double ShortStemPenalty { get; init; } = -2.0;
}
