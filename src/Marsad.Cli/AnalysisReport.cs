using Marsad.Model;
using Spectre.Console;

namespace Marsad.Cli;

/// <summary>The readable report of one analysed article that `marsad analyze` prints without --json.</summary>
public static class AnalysisReport
{
    public static void Write(IAnsiConsole console, AnalyzedArticle doc)
    {
        var a = doc.Article;
        console.Write(new Rule($"[bold]{Markup.Escape(a.Headline ?? "(no headline)")}[/]").LeftJustified());
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.AddRow($"[grey]{label}[/]", Markup.Escape(value));
            }
        }

        Fact("id", a.Id);
        Fact("origin", a.Origin);
        Fact("format", a.Format);
        Fact("source", a.Source);
        Fact("url", a.Url);
        Fact("section", a.Section);
        Fact("published", a.PublishedAt?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
        Fact("byline", a.Byline);
        Fact("paragraphs", a.Paragraphs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Fact("tokens", doc.Tokens.Count > 0 ? doc.Tokens.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Fact("sentences", doc.Sentences.Count > 0 ? doc.Sentences.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Fact("topic", doc.Topics.Count > 0 ? string.Join(", ", doc.Topics.Take(2).Select(t => $"{t.Label} ({t.Score:0.00})")) : null);
        console.Write(facts);

        foreach (var caption in a.Captions)
        {
            console.MarkupLine($"[grey]caption:[/] {Markup.Escape(caption)}");
        }

        foreach (var dropped in a.Dropped)
        {
            console.MarkupLine($"[grey]dropped ({Markup.Escape(dropped.Reason)}):[/] {Markup.Escape(Shorten(dropped.Text, 80))}");
        }

        if (doc.Summary.Count > 0)
        {
            console.MarkupLine("[bold]Summary[/]");
            foreach (var index in doc.Summary)
            {
                var s = doc.Sentences[index];
                console.WriteLine("  " + doc.Slice(s.Start, s.End));
            }
        }

        if (doc.Keyphrases.Count > 0)
        {
            console.MarkupLine($"[bold]Keyphrases:[/] {Markup.Escape(string.Join("، ", doc.Keyphrases.Select(k => k.Text)))}");
        }

        if (doc.Entities.Count > 0)
        {
            var table = new Table().AddColumns("type", "entity", "mentions", "english", "wikidata");
            foreach (var e in doc.Entities.OrderByDescending(e => e.MentionCount))
            {
                table.AddRow(e.Type, Markup.Escape(e.CanonicalName), e.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(e.EnglishName ?? ""), Markup.Escape(e.WikidataId ?? ""));
            }

            console.Write(table);
        }

        if (doc.TimeExpressions.Count > 0)
        {
            var table = new Table().AddColumns("time expression", "type", "value");
            foreach (var t in doc.TimeExpressions)
            {
                table.AddRow(Markup.Escape(t.Text), t.Type, Markup.Escape(t.Value ?? "(unresolved)"));
            }

            console.Write(table);
        }

        if (doc.Quotes.Count > 0)
        {
            var table = new Table().AddColumns("speaker", "role", "cue", "kind", "content");
            foreach (var q in doc.Quotes)
            {
                table.AddRow(Markup.Escape(q.Speaker ?? "?"), Markup.Escape(q.Role ?? ""), Markup.Escape(q.Cue ?? ""), q.Kind, Markup.Escape(Shorten(q.Content ?? doc.Slice(q.ContentStart, q.ContentEnd), 70)));
            }

            console.Write(table);
        }

        console.WriteLine();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
