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

    /// <summary>A warning (MRS111: a record kept with a field not understood) on standard error, as every command prints it.</summary>
    public static void WriteWarning(Marsad.Errors.MarsadException warning) => Console.Error.WriteLine($"marsad: warning: {warning.ToLine()}");

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

        // A mistyped option (--lmit 5, --form 2023-01-01) is a usage error, not something to ignore
        // silently while printing unfiltered results.
        config.UseStrictParsing();
        config.SetHelpProvider(new BranchHelpProvider(config.Settings));
        config.AddCommand<AnalyzeCommand>("analyze")
            .WithDescription("Analyse news pages (HTML, text, JSON Lines, RSS/Atom) and print a report or the JSON contract.")
            .WithExample("analyze", "samples/text-levant-energy.txt", "--date", "2023-09-04")
            .WithExample("analyze", "page.html", "--json");
        config.AddCommand<IngestCommand>("ingest")
            .WithDescription("Ingest files and folders (HTML, text, JSON Lines, RSS) into the archive: analyse, de-duplicate, cluster into stories, index.")
            .WithExample("ingest", "feeds/", "--data", "marsad-data");
        config.AddCommand<WorkerCommand>("worker")
            .WithDescription("Server mode: claim articles queued by `ingest --db`, analyse them and store the results in PostgreSQL.")
            .WithExample("worker", "--db", "postgres://marsad@127.0.0.1:5432/marsad", "--exit-when-idle");
        config.AddCommand<SearchCommand>("search")
            .WithDescription("Search the archive (BM25, \"phrases\", across clitics and spelling variants).")
            .WithExample("search", "\"كوريا الشمالية\"", "--from", "2018-03-01");
        config.AddCommand<StoriesCommand>("stories")
            .WithDescription("List the archive's stories (articles about one event across outlets), trending first.");
        config.AddCommand<EntityCommand>("entity")
            .WithDescription("An entity's mentions over time, co-occurring entities and quotes.");
        config.AddCommand<QuotesCommand>("quotes")
            .WithDescription("What a speaker said, newest first.");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Serve the JSON API and the Arabic web UI over the archive.");

        // eval and train branches: one registration per component, sorted by name.
        config.AddBranch("eval", eval =>
        {
            eval.SetDescription("Score Marsad's components against gold data.");
            eval.AddCommand<EvalEntitiesCommand>("entities")
                .WithDescription("Entity merging and linking: pairwise merge precision/recall, linking and canonical-name accuracy.")
                .WithExample("eval", "entities", "--gold", "gold/entities/news.json");
            eval.AddCommand<EvalExtractCommand>("extract")
                .WithDescription("Main-text extraction (body-token F1) and publication dates on saved HTML pages, beside SmartReader alone.")
                .WithExample("eval", "extract", "--pages", "../shared/data/html-pages");
            eval.AddCommand<EvalNerCommand>("ner")
                .WithDescription("Named entities: conlleval-style exact-match entity P/R/F1, overall and per type.")
                .WithExample("eval", "ner", "--gold", "test.conll", "--json");
            eval.AddCommand<EvalQuotesCommand>("quotes")
                .WithDescription("Quotation detection P/R/F1, speaker, cue and content scores against a gold JSONL file.")
                .WithExample("eval", "quotes", "--gold", "gold/quotes/quotes-gold.jsonl", "--split", "dev");
            eval.AddCommand<EvalSearchCommand>("search")
                .WithDescription("Known-item search quality (MRR@10, Marsad vs Lucene's ArabicAnalyzer) and latency on an archive.")
                .WithExample("eval", "search", "--data", "marsad-data");
            eval.AddCommand<EvalSegmentCommand>("segment")
                .WithDescription("Clitic segmentation: word accuracy and split-point P/R/F1 on Farasa, QCRI or CoNLL-U gold.")
                .WithExample("eval", "segment", "--gold", "../shared/data/segmentation/wikinews/WikiNews.pos.ref", "--json");
            eval.AddCommand<EvalStoriesCommand>("stories")
                .WithDescription("Pairwise precision, recall and F1 of the archive's stories against gold stories.")
                .WithExample("eval", "stories", "--data", "marsad-data", "--gold", "gold/stories/ant-stories-dev.tsv");
            eval.AddCommand<EvalSummaryCommand>("summary")
                .WithDescription("ROUGE-1/2/L of the extractive summaries and of the lead-1 / lead-2 baselines against reference summaries.");
            eval.AddCommand<EvalTimeCommand>("time")
                .WithDescription("Score time expressions: span P/R/F1 (exact and overlapping) and value accuracy.")
                .WithExample("eval", "time", "--gold", "gold/time/time-gold.jsonl");
            eval.AddCommand<EvalTopicsCommand>("topics")
                .WithDescription("Topic accuracy, macro-F1, per-label P/R/F1 and confusion matrix on labelled JSON Lines.");
        });
        config.AddBranch("train", train =>
        {
            train.SetDescription("Train a model from data.");
            train.AddCommand<TrainKbCommand>("kb")
                .WithDescription("Compile the entity knowledge base (countries, cities, gazetteers) into models/kb.")
                .WithExample("train", "kb", "--data", "../shared/data", "--out", "models/kb");
            train.AddCommand<TrainKeyphrasesCommand>("keyphrases")
                .WithDescription("Learn the keyphrase document frequencies (and stop words) from a corpus.");
            train.AddCommand<TrainNerCommand>("ner")
                .WithDescription("Train the named-entity tagger (averaged perceptron, BIO Viterbi); the epoch is chosen on --dev.");
            train.AddCommand<TrainNerNeuralCommand>("ner-neural")
                .WithDescription("Train the BiLSTM-CRF layer mixed into a trained NER tagger's scores; epoch and mix chosen on --dev.");
            train.AddCommand<TrainNerLexiconCommand>("ner-lexicon")
                .WithDescription("Learn word frequencies and word clusters for NER from unlabelled news (JSON Lines).");
            train.AddCommand<TrainSegmenterCommand>("segmenter")
                .WithDescription("Rebuild the clitic segmenter's lexicon (word counts and names) from news text and name lists.");
            train.AddCommand<TrainTopicsCommand>("topics")
                .WithDescription("Train the topic classifier (hashed stems and stem bigrams, optional outlet features; softmax regression).");
        });
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Measure end-to-end and per-stage throughput, allocation and memory on real articles, beside the peers.");
            bench.SetDefaultCommand<BenchCommand>();
            bench.AddCommand<BenchQuotesCommand>("quotes")
                .WithDescription("Single-thread throughput of the quotation stage over a corpus.")
                .WithExample("bench", "quotes", "--input", "../shared/data/news-classification/ant-v2.1-multisource/dev.jsonl");
        });
    }
}
