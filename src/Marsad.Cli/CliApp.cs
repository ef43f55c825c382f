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
        // eval and train branches: one line per component; keep them sorted by name.
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Score a component against a gold file.");
            eval.AddCommand<EvalSummaryCommand>("summary")
                .WithDescription("ROUGE-1/2/L of the extractive summaries and of the lead-1 / lead-2 baselines against reference summaries.");
            eval.AddCommand<EvalTopicsCommand>("topics")
                .WithDescription("Topic accuracy, macro-F1, per-label P/R/F1 and confusion matrix on labelled JSON Lines.");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train a model from labelled data.");
            train.AddCommand<TrainKeyphrasesCommand>("keyphrases")
                .WithDescription("Learn the keyphrase document frequencies (and stop words) from a corpus.");
            train.AddCommand<TrainTopicsCommand>("topics")
                .WithDescription("Train the topic classifier (hashed stems, bigrams and character n-grams; softmax regression).");
        });
    }
}
