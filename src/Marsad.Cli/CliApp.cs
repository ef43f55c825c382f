using Marsad.Cli.Commands;
using Spectre.Console.Cli;

namespace Marsad.Cli;

/// <summary>The marsad command tree. Each command is a class with a validated settings class; wiring lives only here.</summary>
public static class CliApp
{
    /// <summary>
    /// Stands for "-" (standard input) while Spectre parses the command line, which would take a lone
    /// dash for a nameless option; commands map it back with <see cref="InputPath"/>.
    /// </summary>
    public const string StdinArgument = ":stdin:";

    /// <summary>The path a command should read: "-" for standard input, else the argument itself.</summary>
    public static string InputPath(string argument) => argument == StdinArgument ? "-" : argument;

    /// <summary>Runs the command line; usage errors print one line and exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static int Run(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            return Create().Run(args.Select(a => a == "-" ? StdinArgument : a));
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
            .WithExample("analyze", "samples/text-levant-energy.txt", "--date", "2023-09-04")
            .WithExample("analyze", "page.html", "--json");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the JSON API and the Arabic web UI over the archive.");
        // eval and train branches: one line per component; keep them sorted by name.
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Score Marsad's components against gold data.");
            eval.AddCommand<EvalExtractCommand>("extract")
                .WithDescription("Main-text extraction (body-token F1) and publication dates on saved HTML pages, beside SmartReader alone.")
                .WithExample("eval", "extract", "--pages", "../shared/data/html-pages");
            eval.AddCommand<EvalTimeCommand>("time")
                .WithDescription("Score time expressions: span P/R/F1 (exact and overlapping) and value accuracy.")
                .WithExample("eval", "time", "--gold", "gold/time/time-gold.jsonl");
        });
        //   config.AddBranch("train", train => { ... });
    }
}
