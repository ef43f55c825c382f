using System.Collections.Immutable;
using System.Diagnostics;
using Marsad.Errors;
using Marsad.Model;

namespace Marsad.Pipeline;

/// <summary>
/// An immutable, thread-safe chain of annotators. Build one with <see cref="PipelineBuilder"/>;
/// the builder has checked that each annotator's requirements are assigned by an earlier one.
/// </summary>
public sealed class AnalysisPipeline
{
    internal AnalysisPipeline(ImmutableArray<IAnnotator> annotators) => Annotators = annotators;

    public ImmutableArray<IAnnotator> Annotators { get; }

    /// <summary>Analyses one article: builds its text and runs every annotator in order.</summary>
    public AnalyzedArticle Analyze(Article article)
    {
        var doc = new AnalyzedArticle(article);
        foreach (var annotator in Annotators)
        {
            annotator.Annotate(doc);
        }

        return doc;
    }

    /// <summary>Analyses one article and adds each stage's elapsed ticks to <paramref name="ticksPerStage"/> (same order as <see cref="Annotators"/>).</summary>
    public AnalyzedArticle Analyze(Article article, long[] ticksPerStage)
    {
        var doc = new AnalyzedArticle(article);
        for (var i = 0; i < Annotators.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Annotators[i].Annotate(doc);
            ticksPerStage[i] += Stopwatch.GetTimestamp() - start;
        }

        return doc;
    }
}

/// <summary>
/// The mutable builder of an <see cref="AnalysisPipeline"/>. <see cref="Build"/> checks the chain:
/// an annotator whose required layer no earlier annotator assigns is a configuration error.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IAnnotator> _annotators = [];

    public PipelineBuilder Use(IAnnotator annotator)
    {
        ArgumentNullException.ThrowIfNull(annotator);
        _annotators.Add(annotator);
        return this;
    }

    /// <summary>Whether an annotator added so far assigns <paramref name="layer"/> (to add optional stages only when their input exists).</summary>
    public bool Assigns(string layer) => _annotators.Any(a => a.Assigns.Contains(layer));

    public AnalysisPipeline Build()
    {
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var annotator in _annotators)
        {
            foreach (var layer in annotator.Requires)
            {
                if (!assigned.Contains(layer))
                {
                    throw new MarsadException(
                        ErrorCodes.PipelineOrder,
                        $"annotator '{annotator.Name}' requires layer '{layer}', which no earlier annotator assigns");
                }
            }

            assigned.UnionWith(annotator.Assigns);
        }

        return new AnalysisPipeline([.. _annotators]);
    }
}
