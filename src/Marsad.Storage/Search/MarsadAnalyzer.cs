using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Search;

namespace Marsad.Storage.Search;

/// <summary>How <see cref="MarsadAnalyzer"/> turns a word into terms.</summary>
public enum SearchForm
{
    /// <summary>The folded word, and at the same position its clitic-free form (لروسيا → لروسيا + روسيا).</summary>
    Surface,

    /// <summary>The light stem only (والمفاوضات → مفاوض).</summary>
    Stem,
}

/// <summary>
/// The Lucene analyzer built on Marsad's folding (<see cref="SearchFolding"/>): the standard
/// tokenizer (Unicode word breaks), then folding of spelling variants, then either the surface form
/// stacked with its clitic-free form or the light stem. The same analyzer runs on documents and on
/// queries, so روسيا finds لروسيا and وروسيا, and كوريا الشمالية finds كوريا الشماليه.
/// </summary>
public sealed class MarsadAnalyzer(SearchForm form) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public SearchForm Form { get; } = form;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new MarsadFoldingFilter(tokenizer, SearchFolding.Current, Form);
        return new TokenStreamComponents(tokenizer, stream);
    }
}

/// <summary>The token filter behind <see cref="MarsadAnalyzer"/>; folds in place in the term buffer.</summary>
internal sealed class MarsadFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly ISearchFolding _folding;
    private readonly SearchForm _form;
    private char[] _pending = new char[32];
    private int _pendingLength;
    private State? _saved;

    public MarsadFoldingFilter(TokenStream input, ISearchFolding folding, SearchForm form)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _folding = folding;
        _form = form;
    }

    public override bool IncrementToken()
    {
        if (_saved is not null)
        {
            RestoreState(_saved);
            _saved = null;
            _term.CopyBuffer(_pending, 0, _pendingLength);
            _position.PositionIncrement = 0;
            return true;
        }

        while (m_input.IncrementToken())
        {
            var buffer = _term.Buffer.AsSpan(0, _term.Length);
            var length = _folding.Fold(buffer);
            if (length == 0)
            {
                // A token of diacritics or tatweel only: nothing to search for.
                continue;
            }

            var clitics = _folding.ProcliticLength(buffer[..length]);
            if (_form == SearchForm.Stem)
            {
                var stem = _folding.StemLength(buffer[clitics..length]);
                buffer.Slice(clitics, stem).CopyTo(buffer);
                _term.Length = stem;
                return true;
            }

            _term.Length = length;
            if (clitics > 0)
            {
                _pendingLength = length - clitics;
                if (_pending.Length < _pendingLength)
                {
                    _pending = new char[_pendingLength * 2];
                }

                buffer[clitics..length].CopyTo(_pending);
                _saved = CaptureState();
            }

            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _saved = null;
    }
}

/// <summary>An analyzer that keeps the whole field as one lower-case term (source, section).</summary>
internal sealed class KeywordLowerAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new KeywordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new LowerCaseFilter(MarsadAnalyzer.Version, tokenizer));
    }
}
