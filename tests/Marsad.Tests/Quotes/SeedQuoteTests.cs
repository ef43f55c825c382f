using System.Text.Json;
using Marsad.Entities;
using Marsad.Entities.Resolution;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Quotes;
using Marsad.Testing;

namespace Marsad.Tests.Quotes;

/// <summary>The seed page's nine quotes and three attributions, as its hand-written expected analysis lists them.</summary>
public sealed class SeedQuoteTests
{
    private const string Seed = "seeds/000_4a4df9c2005a90e5";

    [SkippableFact]
    public void SeedQuotesHaveExpectedSpeakerRoleKindAndContent()
    {
        var (doc, expected) = Load();
        var quotes = QuoteExtractor.Default.Extract(doc.Text).Quotes;
        var unmatched = new List<string>();
        foreach (var e in expected.GetProperty("quotes").EnumerateArray())
        {
            var speaker = e.GetProperty("speaker").GetString()!;
            var contains = e.GetProperty("content_contains").GetString()!;
            var kind = e.GetProperty("kind").GetString()!;
            var role = e.TryGetProperty("role", out var r) ? r.GetString() : null;
            var cue = e.GetProperty("cue").GetString()!;
            var match = quotes.FirstOrDefault(q => q.Content!.Contains(contains, StringComparison.Ordinal));
            if (match is null)
            {
                unmatched.Add($"no quote contains '{contains}'");
                continue;
            }

            Check(unmatched, contains, "speaker", speaker, match.Speaker);
            Check(unmatched, contains, "kind", kind, match.Kind);
            Check(unmatched, contains, "cue", cue, StripConjunction(match.Cue));
            if (role is not null)
            {
                Check(unmatched, contains, "role", role, match.Role);
            }
        }

        Assert.True(unmatched.Count == 0, string.Join("\n", unmatched));
    }

    [SkippableFact]
    public void SeedAttributionsHaveExpectedSourceAndCue()
    {
        var (doc, expected) = Load();
        var attributions = QuoteExtractor.Default.Extract(doc.Text).Attributions;
        foreach (var e in expected.GetProperty("attributions").EnumerateArray())
        {
            var source = e.GetProperty("source").GetString()!;
            var cue = e.GetProperty("cue").GetString()!;
            var match = attributions.FirstOrDefault(a => a.Source == source);
            Assert.True(match is not null, $"no attribution with source '{source}'; found: {string.Join(" | ", attributions.Select(a => a.Cue + " → " + a.Source))}");
            Assert.Equal(cue, match!.Cue);
            Assert.Equal(source.TrimStart('\u0627'), doc.Slice(match.SourceStart!.Value, match.SourceEnd!.Value).TrimStart('\u0627'));
        }
    }

    [SkippableFact]
    public void SeedSpeakersLinkToTheEntityLayersEntities()
    {
        // The entity layer (EntityAnnotator with the shipped knowledge base) over the mentions a tagger marks:
        // each expected surface as a whole token. The NER model is not in the default pipeline yet.
        var (doc, expected) = Load();
        var surfaces = expected.GetProperty("entities").EnumerateArray()
            .SelectMany(e => e.GetProperty("surfaces").EnumerateArray().Select(s => (Surface: s.GetString()!, Type: e.GetProperty("type").GetString()!)))
            .ToList();
        doc.Mentions.AddRange(WholeWordMentions(doc.Text, surfaces));
        new EntityAnnotator(EntityAnnotator.Load(MarsadModels.Locate()).Kb, completeMentions: false).Annotate(doc);
        var result = QuoteExtractor.Default.Extract(doc.Text, doc.Sentences, doc.Mentions, doc.Entities);
        var byKey = doc.Entities.ToDictionary(e => e.Key);
        string? CanonicalOf(string? key) => key is not null && byKey.TryGetValue(key, out var entity) ? NameNormalizer.Matching(entity.CanonicalName) : null;

        var problems = new List<string>();
        foreach (var e in expected.GetProperty("quotes").EnumerateArray())
        {
            var contains = e.GetProperty("content_contains").GetString()!;
            var quote = result.Quotes.First(q => q.Content!.Contains(contains, StringComparison.Ordinal));
            var entity = e.GetProperty("speaker_entity").ValueKind == JsonValueKind.Null ? null : e.GetProperty("speaker_entity").GetString();
            var expectedCanonical = entity is null ? null : NameNormalizer.Matching(entity);
            if (expectedCanonical != CanonicalOf(quote.SpeakerEntityKey))
            {
                problems.Add($"'{contains}': speaker entity expected {entity ?? "none"}, got {quote.SpeakerEntityKey ?? "none"}");
            }
        }

        foreach (var e in expected.GetProperty("attributions").EnumerateArray())
        {
            if (e.TryGetProperty("source_entity", out var se))
            {
                var source = e.GetProperty("source").GetString()!;
                var key = result.Attributions.First(a => a.Source == source).SourceEntityKey;
                if (NameNormalizer.Matching(se.GetString()!) != CanonicalOf(key))
                {
                    problems.Add($"attribution '{source}': entity expected {se.GetString()}, got {key ?? "none"}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every occurrence of a surface as a whole word (a proclitic و، ف، ب، ل may precede it).</summary>
    private static List<Mention> WholeWordMentions(string text, List<(string Surface, string Type)> surfaces)
    {
        var taken = new bool[text.Length];
        var mentions = new List<Mention>();
        foreach (var (surface, type) in surfaces.OrderByDescending(s => s.Surface.Length))
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                var start = at;
                while (start > 0 && "وفبل".Contains(text[start - 1], StringComparison.Ordinal) && (start - 1 == 0 || !char.IsLetter(text[start - 2])))
                {
                    start--;
                }

                var end = at + surface.Length;
                var bounded = (start == 0 || !char.IsLetter(text[start - 1])) && (end == text.Length || !char.IsLetter(text[end]));
                if (bounded && !taken.AsSpan(start, end - start).Contains(true))
                {
                    taken.AsSpan(start, end - start).Fill(true);
                    mentions.Add(new Mention(start, end, type, text[start..end]));
                }
            }
        }

        mentions.Sort((x, y) => x.Start.CompareTo(y.Start));
        return mentions;
    }

    private static void Check(List<string> errors, string quote, string field, string expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            errors.Add($"'{quote}': {field} expected '{expected}', got '{actual ?? "null"}'");
        }
    }

    private static string? StripConjunction(string? cue) =>
        cue is { Length: > 3 } && cue[0] is '\u0648' or '\u0641' ? cue[1..] : cue;

    private static (AnalyzedArticle Doc, JsonElement Expected) Load()
    {
        var page = SharedData.Require(Seed + ".txt");
        var expectedPath = SharedData.Require(Seed + ".expected.json");
        var outcome = Assert.Single(ArticleReaders.ReadPath(page, new ReadOptions()));
        Assert.Null(outcome.Error);
        var doc = new AnalyzedArticle(outcome.Article!);
        using var json = JsonDocument.Parse(File.ReadAllText(expectedPath));
        return (doc, json.RootElement.Clone());
    }
}
