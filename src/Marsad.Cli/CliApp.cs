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
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Score a component against gold data.");
            eval.AddCommand<EvalEntitiesCommand>("entities")
                .WithDescription("Entity merging and linking: pairwise merge precision/recall, linking and canonical-name accuracy.")
                .WithExample("eval", "entities", "--gold", "gold/entities/news.json");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Build a model from data.");
            train.AddCommand<TrainKbCommand>("kb")
                .WithDescription("Compile the entity knowledge base (countries, cities, gazetteers) into models/kb.")
                .WithExample("train", "kb", "--data", "../shared/data", "--out", "models/kb");
        });
        // eval and train branches: one line per component; keep them sorted by name.
        //   config.AddBranch("eval", eval => { eval.AddCommand<EvalXCommand>("x")...; });
        //   config.AddBranch("train", train => { ... });
    }
}
