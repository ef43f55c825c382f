using Marsad.Evaluation;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Quotes;

/// <summary>One record of the quotation gold set (gold/quotes/README.md).</summary>
public sealed record QuoteGoldRecord
{
    public required string Id { get; init; }

    public string Split { get; init; } = "dev";

    public string? Outlet { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<QuoteGold> Quotes { get; init; } = [];

    public IReadOnlyList<AttributionGold> Attributions { get; init; } = [];
}

/// <summary>A gold quote: strings that occur in the record's text.</summary>
public sealed record QuoteGold(string? Speaker, string? Role, string? Cue, string Kind, string Content);

/// <summary>A gold attribution.</summary>
public sealed record AttributionGold(string Source, string Cue);

/// <summary>The scores of <c>marsad eval quotes</c>; see docs/evaluation.md for the definitions.</summary>
public sealed record QuoteEvalReport
{
    public required string Split { get; init; }

    public int Records { get; init; }

    public int GoldQuotes { get; init; }

    public int PredictedQuotes { get; init; }

    public int MatchedQuotes { get; init; }

    public double Precision { get; init; }

    public double Recall { get; init; }

    public double F1 { get; init; }

    /// <summary>Matched quotes whose speaker equals the gold speaker (normalised), over matched quotes.</summary>
    public double SpeakerAccuracy { get; init; }

    /// <summary>Mean token F1 of predicted against gold content, over matched quotes.</summary>
    public double ContentTokenF1 { get; init; }

    /// <summary>Matched quotes with a gold cue whose cue (without و/ف) equals it, over those quotes.</summary>
    public double CueAccuracy { get; init; }

    public double KindAccuracy { get; init; }

    /// <summary>Matched quotes with a gold role whose role equals it, over those quotes.</summary>
    public double RoleAccuracy { get; init; }

    public int GoldAttributions { get; init; }

    public int PredictedAttributions { get; init; }

    public double AttributionPrecision { get; init; }

    public double AttributionRecall { get; init; }

    public double AttributionF1 { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// Scores the quotation extractor against a gold JSONL file.
/// A predicted quote matches a gold quote when their content spans overlap by at least half of the
/// longer of the two (so each covers at least half of the other); pairs are matched one to one,
/// best overlap first. Speaker, cue, kind, role and content token F1 are measured on matched pairs.
/// An attribution matches when its normalised source equals the gold source.
/// </summary>
public static class QuoteEvaluation
{
    private static readonly JsonSerializerOptions GoldJson = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<QuoteGoldRecord> ReadGold(string path) => GoldFiles.ReadJsonLines(path, (line, _) =>
        JsonSerializer.Deserialize<QuoteGoldRecord>(line, GoldJson) ?? throw new JsonException("null record"));

    public static QuoteEvalReport Evaluate(IReadOnlyList<QuoteGoldRecord> records, string split, QuoteExtractor? extractor = null)
    {
        extractor ??= QuoteExtractor.Default;
        var selected = records.Where(r => split == "all" || string.Equals(r.Split, split, StringComparison.Ordinal)).ToList();
        int gold = 0, predicted = 0, matched = 0, speakerOk = 0, cueTotal = 0, cueOk = 0, kindOk = 0, roleTotal = 0, roleOk = 0;
        int goldAttr = 0, predAttr = 0, matchedAttr = 0;
        double contentF1 = 0;
        var errors = new List<string>();
        foreach (var record in selected)
        {
            var doc = new AnalyzedArticle(new Article
            {
                Id = record.Id,
                Format = "jsonl",
                Paragraphs = record.Text.Split(AnalyzedArticle.BlockSeparator),
            });
            var result = extractor.Extract(doc.Text);
            var predictions = result.Quotes;
            gold += record.Quotes.Count;
            predicted += predictions.Count;
            var goldSpans = LocateGold(doc.Text, record);
            var used = new bool[predictions.Count];
            var goldMatched = new bool[record.Quotes.Count];
            foreach (var (g, p, _) in Pairs(goldSpans, predictions))
            {
                if (goldMatched[g] || used[p])
                {
                    continue;
                }

                goldMatched[g] = true;
                used[p] = true;
                matched++;
                var gq = record.Quotes[g];
                var pq = predictions[p];
                if (SameText(gq.Speaker, pq.Speaker))
                {
                    speakerOk++;
                }
                else
                {
                    errors.Add($"{record.Id} SPEAKER gold={gq.Speaker ?? "-"} predicted={pq.Speaker ?? "-"} | {Clip(gq.Content)}");
                }

                if (gq.Cue is not null)
                {
                    cueTotal++;
                    if (SameText(gq.Cue, StripConjunction(pq.Cue)))
                    {
                        cueOk++;
                    }
                    else
                    {
                        errors.Add($"{record.Id} CUE gold={gq.Cue} predicted={pq.Cue ?? "-"}");
                    }
                }

                if (gq.Kind == pq.Kind)
                {
                    kindOk++;
                }
                else
                {
                    errors.Add($"{record.Id} KIND gold={gq.Kind} predicted={pq.Kind} | {Clip(gq.Content)}");
                }

                if (gq.Role is not null)
                {
                    roleTotal++;
                    if (SameText(gq.Role, pq.Role))
                    {
                        roleOk++;
                    }
                    else
                    {
                        errors.Add($"{record.Id} ROLE gold={gq.Role} predicted={pq.Role ?? "-"}");
                    }
                }

                var f1 = TokenF1(gq.Content, pq.Content ?? string.Empty);
                contentF1 += f1;
                if (f1 < 0.999)
                {
                    errors.Add($"{record.Id} CONTENT f1={f1:F2}\n    gold: {gq.Content}\n    pred: {pq.Content}");
                }
            }

            for (var g = 0; g < record.Quotes.Count; g++)
            {
                if (!goldMatched[g])
                {
                    errors.Add($"{record.Id} MISSED [{record.Quotes[g].Speaker}] {record.Quotes[g].Content}");
                }
            }

            for (var p = 0; p < predictions.Count; p++)
            {
                if (!used[p])
                {
                    errors.Add($"{record.Id} SPURIOUS [{predictions[p].Speaker}|{predictions[p].Cue}] {predictions[p].Content}");
                }
            }

            goldAttr += record.Attributions.Count;
            predAttr += result.Attributions.Count;
            var attrUsed = new bool[result.Attributions.Count];
            foreach (var ga in record.Attributions)
            {
                var hit = -1;
                for (var p = 0; p < result.Attributions.Count; p++)
                {
                    if (!attrUsed[p] && SameText(ga.Source, result.Attributions[p].Source))
                    {
                        hit = p;
                        break;
                    }
                }

                if (hit >= 0)
                {
                    attrUsed[hit] = true;
                    matchedAttr++;
                }
                else
                {
                    errors.Add($"{record.Id} ATTRIBUTION missed {ga.Cue} → {ga.Source} (predicted: {string.Join("; ", result.Attributions.Select(a => a.Cue + " → " + a.Source))})");
                }
            }
        }

        var precision = Ratio(matched, predicted);
        var recall = Ratio(matched, gold);
        var attrP = Ratio(matchedAttr, predAttr);
        var attrR = Ratio(matchedAttr, goldAttr);
        return new QuoteEvalReport
        {
            Split = split,
            Records = selected.Count,
            GoldQuotes = gold,
            PredictedQuotes = predicted,
            MatchedQuotes = matched,
            Precision = precision,
            Recall = recall,
            F1 = Harmonic(precision, recall),
            SpeakerAccuracy = Ratio(speakerOk, matched),
            ContentTokenF1 = matched == 0 ? 0 : 100.0 * contentF1 / matched,
            CueAccuracy = Ratio(cueOk, cueTotal),
            KindAccuracy = Ratio(kindOk, matched),
            RoleAccuracy = Ratio(roleOk, roleTotal),
            GoldAttributions = goldAttr,
            PredictedAttributions = predAttr,
            AttributionPrecision = attrP,
            AttributionRecall = attrR,
            AttributionF1 = Harmonic(attrP, attrR),
            Errors = errors,
        };
    }

    /// <summary>Gold content spans, found in order (a repeated string takes its next occurrence).</summary>
    private static List<(int Start, int End)> LocateGold(string text, QuoteGoldRecord record)
    {
        var spans = new List<(int, int)>(record.Quotes.Count);
        var from = 0;
        foreach (var q in record.Quotes)
        {
            var at = text.IndexOf(q.Content, from, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf(q.Content, StringComparison.Ordinal);
            }

            if (at < 0)
            {
                throw new MarsadException(ErrorCodes.BadGold, $"record {record.Id}: content is not in the text: {q.Content}");
            }

            spans.Add((at, at + q.Content.Length));
            from = at;
        }

        return spans;
    }

    /// <summary>Candidate pairs whose overlap is at least half of the longer span, best overlap first.</summary>
    private static IEnumerable<(int Gold, int Predicted, double Score)> Pairs(List<(int Start, int End)> gold, IReadOnlyList<Quote> predicted)
    {
        var pairs = new List<(int, int, double)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var overlap = Math.Min(gold[g].End, predicted[p].ContentEnd) - Math.Max(gold[g].Start, predicted[p].ContentStart);
                var longer = Math.Max(gold[g].End - gold[g].Start, predicted[p].ContentEnd - predicted[p].ContentStart);
                if (overlap > 0 && overlap * 2 >= longer)
                {
                    pairs.Add((g, p, (double)overlap / longer));
                }
            }
        }

        return pairs.OrderByDescending(x => x.Item3);
    }

    /// <summary>Token F1 between two strings: bags of normalised words (punctuation and quotation marks ignored).</summary>
    public static double TokenF1(string gold, string predicted)
    {
        var g = Words(gold);
        var p = Words(predicted);
        if (g.Count == 0 || p.Count == 0)
        {
            return g.Count == p.Count ? 1 : 0;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in g)
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        var common = 0;
        foreach (var w in p)
        {
            if (counts.GetValueOrDefault(w) > 0)
            {
                counts[w]--;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / p.Count;
        var recall = (double)common / g.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Words(string s)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inWord = i < s.Length && QuoteText.IsWordChar(s[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(QuoteText.Normalize(s.AsSpan(start, i - start)));
                start = -1;
            }
        }

        return words;
    }

    private static bool SameText(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return string.Join(' ', Words(a)) == string.Join(' ', Words(b));
    }

    private static string? StripConjunction(string? cue)
    {
        if (cue is null || cue.Length < 3)
        {
            return cue;
        }

        return cue[0] is '\u0648' or '\u0641' && QuoteLexicon.TryCue(QuoteText.Normalize(cue), out _, out var prefix) && prefix == 1 ? cue[1..] : cue;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";

    private static double Ratio(int a, int b) => b == 0 ? 0 : 100.0 * a / b;

    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
