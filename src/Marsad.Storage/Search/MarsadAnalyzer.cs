using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Marsad.Search;

namespace Marsad.Storage.Search;

/// <summary>How <see cref="MarsadAnalyzer"/> turns a word into terms.</summary>
public enum SearchForm
{
    /// <summary>The normalised word, and at the same position its clitic-free form (لروسيا → لروسيا + روسيا).</summary>
    Surface,

    /// <summary>The light stem only (والمفاوضات → مفاوض).</summary>
    Stem,
}

/// <summary>
/// The Lucene analyzer built on Marsad.Text (<see cref="SearchTerms"/>): the text layer's tokenizer, Search
/// normalisation, clitic segmentation and light stemming, giving either the surface form stacked with its
/// clitic-free form or the light stem. The same rule runs on documents and on queries, so روسيا finds لروسيا
/// and وروسيا, and كوريا الشمالية finds كوريا الشماليه.
/// </summary>
public sealed class MarsadAnalyzer(SearchForm form) : Analyzer
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public SearchForm Form { get; } = form;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new MarsadTokenizer(reader, Form));
}

/// <summary>The tokenizer behind <see cref="MarsadAnalyzer"/>: reads the field, analyses it once with <see cref="SearchTerms.Analyse"/>, then emits the terms.</summary>
internal sealed class MarsadTokenizer : Tokenizer
{
    private readonly SearchForm _form;
    private readonly SearchTermList _terms = new();
    private readonly TermListEmitter _emitter;
    private readonly Func<int, int> _correct;

    public MarsadTokenizer(TextReader reader, SearchForm form)
        : base(reader)
    {
        _form = form;
        _emitter = new TermListEmitter(this);
        _correct = CorrectOffset;
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        return _emitter.Next(_terms, _correct);
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        _terms.Clear();
        SearchTerms.Analyse(text, 0, text.Length, _form == SearchForm.Surface ? _terms : null, _form == SearchForm.Stem ? _terms : null);
        _emitter.Reset(text.Length);
    }

    public override void End()
    {
        base.End();
        _emitter.End(_correct);
    }
}

/// <summary>
/// A token stream over terms analysed beforehand (a document's terms built from its token layer), so that
/// indexing does not tokenise and segment the text again. Set <see cref="Terms"/> before each use.
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    private readonly TermListEmitter _emitter;

    public TermListTokenStream() => _emitter = new TermListEmitter(this);

    public SearchTermList Terms { get; set; } = new();

    /// <summary>The length of the text the terms came from (the final offset).</summary>
    public int TextLength { get; set; }

    public override bool IncrementToken()
    {
        ClearAttributes();
        return _emitter.Next(Terms, static o => o);
    }

    public override void Reset()
    {
        base.Reset();
        _emitter.Reset(TextLength);
    }

    public override void End()
    {
        base.End();
        _emitter.End(static o => o);
    }
}

/// <summary>Writes a <see cref="SearchTermList"/> into a stream's term, offset and position attributes.</summary>
internal sealed class TermListEmitter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private int _next;
    private int _textLength;

    public TermListEmitter(AttributeSource source)
    {
        _term = source.AddAttribute<ICharTermAttribute>();
        _offset = source.AddAttribute<IOffsetAttribute>();
        _position = source.AddAttribute<IPositionIncrementAttribute>();
    }

    public void Reset(int textLength)
    {
        _next = 0;
        _textLength = textLength;
    }

    public bool Next(SearchTermList terms, Func<int, int> correct)
    {
        if (_next >= terms.Count)
        {
            return false;
        }

        var e = terms[_next];
        var term = terms.Term(_next);
        _term.CopyBuffer(term);
        _offset.SetOffset(correct(e.Start), correct(e.End));
        // The first term of a field always advances, even when its word had a stacked form before it.
        _position.PositionIncrement = _next == 0 ? 1 : e.PositionIncrement;
        _next++;
        return true;
    }

    public void End(Func<int, int> correct)
    {
        var final = correct(_textLength);
        _offset.SetOffset(final, final);
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

internal static class CharTermExtensions
{
    public static void CopyBuffer(this ICharTermAttribute attribute, ReadOnlySpan<char> term)
    {
        var buffer = attribute.ResizeBuffer(term.Length);
        term.CopyTo(buffer);
        attribute.Length = term.Length;
    }
}
