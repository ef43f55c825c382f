using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
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
    public void SeedSpeakersLinkToEntitiesGivenByTheEntityLayer()
    {
        // Until the entity layer is in the pipeline, stand in for it with the seed's own entity list:
        // one mention per surface occurrence, keyed by the canonical name.
        var (doc, expected) = Load();
        var mentions = new List<Mention>();
        var entities = new List<Entity>();
        foreach (var e in expected.GetProperty("entities").EnumerateArray())
        {
            var canonical = e.GetProperty("canonical_ar").GetString()!;
            entities.Add(new Entity(canonical, e.GetProperty("type").GetString()!, canonical));
            foreach (var surface in e.GetProperty("surfaces").EnumerateArray().Select(s => s.GetString()!))
            {
                for (var at = doc.Text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = doc.Text.IndexOf(surface, at + surface.Length, StringComparison.Ordinal))
                {
                    mentions.Add(new Mention(at, at + surface.Length, e.GetProperty("type").GetString()!, surface) { EntityKey = canonical });
                }
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = QuoteExtractor.Default.Extract(doc.Text, null, mentions, entities);
        foreach (var e in expected.GetProperty("quotes").EnumerateArray())
        {
            var contains = e.GetProperty("content_contains").GetString()!;
            var quote = result.Quotes.First(q => q.Content!.Contains(contains, StringComparison.Ordinal));
            var entity = e.GetProperty("speaker_entity").ValueKind == JsonValueKind.Null ? null : e.GetProperty("speaker_entity").GetString();
            Assert.True(entity == quote.SpeakerEntityKey, $"'{contains}': speaker entity expected {entity ?? "none"}, got {quote.SpeakerEntityKey ?? "none"}");
        }

        foreach (var e in expected.GetProperty("attributions").EnumerateArray())
        {
            if (e.TryGetProperty("source_entity", out var se))
            {
                var source = e.GetProperty("source").GetString()!;
                Assert.Equal(se.GetString(), result.Attributions.First(a => a.Source == source).SourceEntityKey);
            }
        }
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
