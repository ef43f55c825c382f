using Marsad.Topics;

namespace Marsad.Cli.Tests.Commands;

/// <summary>marsad train topics --convert in place, and the pair harness's options refused before any training.</summary>
[Collection("Console")]
public sealed class TopicCommandsTests
{
    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = CliApp.Run(args);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void ConvertingAModelOntoItselfKeepsIt()
    {
        var train = new[] { "فاز الفريق بالمباراة وسجل اللاعب هدفين", "خسر المنتخب أمام الفريق في كأس العالم" }
            .Select((t, i) => new TopicRecord($"s{i}", null, TopicLabels.Sports, null, t))
            .Concat(new[] { "ارتفعت أسعار النفط وتراجع الدولار", "رفع البنك المركزي أسعار الفائدة" }.Select((t, i) => new TopicRecord($"e{i}", null, TopicLabels.Economy, null, t)))
            .ToList();
        var model = TopicTrainer.Train(train, train, new TopicTrainingOptions { HashBits = 12, Epochs = 3, LearningRate = 2 });
        var folder = Path.Combine(Path.GetTempPath(), $"marsad-topics-convert-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "topics.bin");
        try
        {
            model.Save(path);
            var saved = LinearTopicModel.Load(path); // weights as the file holds them (half floats)
            // In a child process: the command reports through Spectre's console, which keeps the first writer it saw.
            var result = CliRunner.Run(null, "train", "topics", "--convert", path, "--out", path);
            Assert.True(result.ExitCode == ExitCodes.Ok, result.StdErr);
            var converted = LinearTopicModel.Load(path);
            Assert.Equal(saved.Labels, converted.Labels);
            Assert.Equal(saved.Predict(null, "اللاعب يسجل هدفا في المباراة"), converted.Predict(null, "اللاعب يسجل هدفا في المباراة"));
            Assert.Equal(["topics.bin"], Directory.GetFiles(folder).Select(Path.GetFileName)); // no temporary file left
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--pair-seeds", "13,x", "not an integer")]
    [InlineData("--pair-seeds", "13,14", "one seed per model")]
    [InlineData("--pair-labels", "International", "two different labels")]
    public void BadPairHarnessOptionsAreUsageErrors(string option, string value, string message)
    {
        // Refused by validation: the files are never opened.
        var (code, _, error) = Run("eval", "topics", "--gold", "/nonexistent/dev.jsonl", "--pair-harness", "/nonexistent/train.jsonl", option, value);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(option, error);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--train-labels", "/nonexistent/other.jsonl=Sports", "one of the --train files")]
    [InlineData("--train-labels", "/nonexistent/train.jsonl=Weather", "FILE=Label")]
    [InlineData("--train-labels", "/nonexistent/train.jsonl", "FILE=Label")]
    public void BadTrainLabelsAreUsageErrors(string option, string value, string message)
    {
        var (code, _, error) = Run("train", "topics", "--train", "/nonexistent/train.jsonl", "--dev", "/nonexistent/dev.jsonl", "--out", "/nonexistent/t.bin", option, value);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void TrainLabelsKeepOnlyThoseLabelsOfTheirFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"marsad-topics-labels-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var train = Path.Combine(folder, "train.jsonl");
            var extra = Path.Combine(folder, "extra.jsonl");
            File.WriteAllLines(train, [Line("a1", "sport", "فاز الفريق بالمباراة"), Line("a2", "economy", "ارتفعت أسعار النفط")]);
            File.WriteAllLines(extra, [Line("b1", "sport", "سجل اللاعب هدفين"), Line("b2", "localNews", "افتتاح مدرسة في الحي"), Line("b3", "economy", "تراجع الدولار")]);
            var model = Path.Combine(folder, "t.bin");
            var result = CliRunner.Run(null, "train", "topics", "--train", train, "--train", extra, "--train-labels", $"{extra}=Sports,economy", "--dev", train, "--hash-bits", "12", "--epochs", "1", "--out", model);
            Assert.True(result.ExitCode == ExitCodes.Ok, result.StdErr);
            Assert.Equal([TopicLabels.Economy, TopicLabels.Sports], LinearTopicModel.Load(model).Labels);
            Assert.Contains("4 train", result.StdErr); // a1, a2, b1, b3
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static string Line(string id, string category, string text) =>
            System.Text.Json.JsonSerializer.Serialize(new { id, source = "x", category, title = text, text });
    }
}
