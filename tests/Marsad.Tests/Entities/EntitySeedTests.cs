using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Entities;
using Marsad.Entities.Resolution;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Entities;

/// <summary>
/// The seed page's entities (expected.json): each found with its type (or a listed alternative), merged
/// into one entity per canonical name, with at least the listed mention count (clitic forms count).
/// </summary>
public sealed partial class EntitySeedTests
{
    private const string Seed = "seeds/000_4a4df9c2005a90e5";

    /// <summary>With the real pipeline (tagger + completion + merging): needs the NER model, skipped until it is in the default pipeline.</summary>
    [SkippableFact]
    public void SeedEntitiesWithTheDefaultPipeline()
    {
        var (article, expected) = LoadSeed();
        var pipeline = Pipelines.Default(MarsadModels.Locate());
        Skip.IfNot(pipeline.Annotators.Any(a => a is not EntityAnnotator && a.Assigns.Contains(Layers.Mentions)),
            "the default pipeline has no mention annotator (NER) yet");
        var doc = pipeline.Analyze(article);

        // Every expected entity must be found (the tagger, completed by NamePhraseRecognizer for the
        // institution/event/facility names ANERcorp leaves untagged), merged, typed and counted as expected.
        var mentioned = doc.Mentions.Select(m => NameForm.Parse(m.Text).Key).ToHashSet();
        var missed = expected.Where(e => !e.Surfaces.Any(s => mentioned.Contains(NameForm.Parse(s).Key))
            && !doc.Entities.Any(x => NameNormalizer.Matching(x.CanonicalName) == NameNormalizer.Matching(e.Canonical))).ToList();
        Assert.True(missed.Count == 0,
            $"{missed.Count} entities have no mention: {string.Join(", ", missed.Select(e => e.Canonical))}");
        AssertExpected(doc, expected);
    }

    /// <summary>
    /// The merging alone, given the mentions an ANERcorp-style tagger marks: each expected surface as a whole
    /// token, proclitics included (لروسيا، وموسكو، للولايات المتحدة). Completion is off.
    /// </summary>
    [SkippableFact]
    public void SeedEntitiesFromWholeTokenMentions()
    {
        var (article, expected) = LoadSeed();
        var doc = new AnalyzedArticle(article);
        // لل writes ل + ال: the tagger sees للولايات المتحدة, not الولايات المتحدة.
        var surfaces = expected.SelectMany(e => e.Surfaces.Select(s => (s, e.Type)))
            .SelectMany(p => p.s.StartsWith("ال", StringComparison.Ordinal) ? new[] { p, ("لل" + p.s[2..], p.Type) } : [p])
            .ToArray();
        doc.Mentions.AddRange(WholeTokenMentions(doc.Text, surfaces));
        new EntityAnnotator(EntityAnnotator.Load(MarsadModels.Locate()).Kb, completeMentions: false).Annotate(doc);
        AssertExpected(doc, expected);
    }

    private static void AssertExpected(AnalyzedArticle doc, List<ExpectedEntity> expected)
    {
        var problems = new List<string>();
        foreach (var e in expected)
        {
            var canonical = NameNormalizer.Matching(e.Canonical);
            var surfaceKeys = e.Surfaces.Select(s => NameForm.Parse(s).Key).ToHashSet();
            var matches = doc.Entities.Where(x => NameNormalizer.Matching(x.CanonicalName) == canonical
                || x.Variants.Any(v => surfaceKeys.Contains(NameForm.Parse(v).Key))).ToList();
            if (matches.Count != 1)
            {
                problems.Add($"{e.Canonical}: {matches.Count} entities ({string.Join(" | ", matches.Select(m => $"{m.CanonicalName} {m.Type} x{m.MentionCount}"))})");
                continue;
            }

            var entity = matches[0];
            if (!e.Types.Contains(entity.Type))
            {
                problems.Add($"{e.Canonical}: type {entity.Type}, expected {string.Join("/", e.Types)}");
            }

            if (entity.MentionCount < e.MinMentions)
            {
                problems.Add($"{e.Canonical}: {entity.MentionCount} mentions, expected at least {e.MinMentions}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static (Article Article, List<ExpectedEntity> Expected) LoadSeed()
    {
        var page = SharedData.Require(Seed + ".txt");
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Require(Seed + ".expected.json")));
        var expected = json.RootElement.GetProperty("entities").EnumerateArray().Select(e =>
        {
            var type = e.GetProperty("type").GetString()!;
            var note = e.TryGetProperty("note", out var n) ? n.GetString() ?? "" : "";
            var types = TypeName().Matches(note).Select(m => m.Value).Prepend(type).Distinct().ToList();
            return new ExpectedEntity(
                e.GetProperty("canonical_ar").GetString()!,
                type,
                types,
                e.GetProperty("surfaces").EnumerateArray().Select(s => s.GetString()!).ToList(),
                e.GetProperty("min_mentions").GetInt32());
        }).ToList();
        var outcome = Assert.Single(ArticleReaders.ReadPath(page, new ReadOptions()));
        return (outcome.Article!, expected);
    }

    /// <summary>Every whole-token occurrence of a surface, with any proclitics before it in the same token; longest first.</summary>
    private static List<Mention> WholeTokenMentions(string text, (string Surface, string Type)[] surfaces)
    {
        var taken = new bool[text.Length];
        var mentions = new List<Mention>();
        foreach (var (surface, type) in surfaces.OrderByDescending(s => s.Surface.Length))
        {
            for (var at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                var start = at;
                while (start > 0 && "وفبلك".Contains(text[start - 1]) && (start - 1 == 0 || !char.IsLetter(text[start - 2]) || "وفبلك".Contains(text[start - 2])))
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

        return [.. mentions.OrderBy(m => m.Start)];
    }

    private sealed record ExpectedEntity(string Canonical, string Type, List<string> Types, List<string> Surfaces, int MinMentions);

    [GeneratedRegex(@"\b(PER|LOC|ORG|MISC)\b")]
    private static partial Regex TypeName();
}
