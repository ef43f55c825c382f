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
            eval.SetDescription("Score Marsad's components against gold data.");
            eval.AddCommand<EvalNerCommand>("ner")
                .WithDescription("Named entities: conlleval-style exact-match entity P/R/F1, overall and per type.")
                .WithExample("eval", "ner", "--gold", "test.conll", "--json");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train Marsad's models.");
            train.AddCommand<TrainNerLexiconCommand>("ner-lexicon")
                .WithDescription("Learn word frequencies and word clusters for NER from unlabelled news (JSON Lines).");
            train.AddCommand<TrainNerCommand>("ner")
                .WithDescription("Train the named-entity tagger (averaged perceptron, BIO Viterbi); the epoch is chosen on --dev.");
        });
    }
}
