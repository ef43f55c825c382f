using Marsad.Cli.Commands;
using Spectre.Console.Cli;

namespace Marsad.Cli;

/// <summary>The marsad command tree. Each command is a class with a validated settings class; wiring lives only here.</summary>
public static class CliApp
{
    /// <summary>Runs the command line; usage errors print one line and exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static int Run(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            return Create().Run(args);
        }
        catch (CommandAppException e)
        {
            Console.Error.WriteLine($"marsad: {Marsad.Errors.ErrorCodes.BadArgument}: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Marsad.Errors.MarsadException e)
        {
            Console.Error.WriteLine($"marsad: {e.ToLine()}");
            return e.Code == Marsad.Errors.ErrorCodes.BadArgument ? ExitCodes.Usage : ExitCodes.SomeFailed;
        }
    }

    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(Configure);
        return app;
    }

    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("marsad");
        config.PropagateExceptions();
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Analyse news pages (HTML, text, JSON Lines, RSS/Atom) and print a report or the JSON contract.")
            .WithExample("analyze", "samples/lbci-style-korea.txt", "--date", "2023-09-04")
            .WithExample("analyze", "page.html", "--json");
        config.AddCommand<IngestCommand>("ingest")
            .WithDescription("Ingest files and folders (HTML, text, JSON Lines, RSS) into the archive: analyse, de-duplicate, cluster into stories, index.")
            .WithExample("ingest", "feeds/", "--data", "marsad-data");
        config.AddCommand<SearchCommand>("search")
            .WithDescription("Search the archive (BM25, \"phrases\", across clitics and spelling variants).")
            .WithExample("search", "\"كوريا الشمالية\"", "--from", "2018-03-01");
        config.AddCommand<StoriesCommand>("stories")
            .WithDescription("List the archive's stories (articles about one event across outlets), trending first.");
        config.AddCommand<EntityCommand>("entity")
            .WithDescription("An entity's mentions over time, co-occurring entities and quotes.");
        config.AddCommand<QuotesCommand>("quotes")
            .WithDescription("What a speaker said, newest first.");
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Evaluate Marsad's components on gold data.");
            eval.AddCommand<EvalSearchCommand>("search")
                .WithDescription("Known-item search quality (MRR@10, Marsad vs Lucene's ArabicAnalyzer) and latency on an archive.");
            eval.AddCommand<EvalStoriesCommand>("stories")
                .WithDescription("Pairwise precision, recall and F1 of the archive's stories against gold stories.");
        });
        // eval and train branches: one line per component; keep them sorted by name.
        //   config.AddBranch("eval", eval => { eval.AddCommand<EvalXCommand>("x")...; });
        //   config.AddBranch("train", train => { ... });
    }
}
