using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Marsad.Search;

namespace Marsad.Storage.Search;

/// <summary>What the index holds of one article.</summary>
public sealed record IndexDocument(
    string Id,
    string? Headline,
    string Text,
    string? Source,
    string? Section,
    DateTimeOffset? PublishedAt,
    string? Url,
    IReadOnlyList<string> EntityKeys)
{
    /// <summary>The article's token layer over <see cref="Text"/>, when analysed: the terms are then built from it instead of segmenting the text again.</summary>
    public IReadOnlyList<Marsad.Model.TokenAnnotation>? Tokens { get; init; }
}

/// <summary>What a search hit shows, from the archive: display fields and (when highlighting) the text.</summary>
public sealed record HitSource(string? Headline, string? Source, string? Section, string? PublishedAt, string? Url, string? Text);

/// <summary>Which analysis the index uses: Marsad's (surface + stem fields) or Lucene's stock ArabicAnalyzer (the baseline).</summary>
public enum IndexAnalysis
{
    Marsad,
    LuceneArabic,
}

/// <summary>
/// The Lucene.Net full-text index of an archive: BM25 over headline and text, in a surface field
/// (folded words stacked with their clitic-free forms) and a light-stem field, plus keyword fields
/// for entity keys, source and section, and a numeric date. Phrases ("…") match across clitics.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    public const string IdField = "id";
    public const string HeadlineField = "title";
    public const string HeadlineStemField = "title_stem";
    public const string TextField = "text";
    public const string TextStemField = "text_stem";
    public const string EntityField = "entity";
    public const string SourceField = "source";
    public const string SectionField = "section";
    public const string DateField = "date";
    private const string UrlField = "url";
    private const string PublishedField = "published";
    private const string HeadlineStoredField = "headline";
    private const string SourceStoredField = "source_stored";
    private const string SectionStoredField = "section_stored";

    /// <summary>The id again as doc values: a hit's id is then one array read, not a decompressed stored-fields chunk.</summary>
    private const string IdValuesField = "id_dv";

    /// <summary>A read-only index looks for a newer commit at most this often; a writer's reader is reopened after changes.</summary>
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>The stored fields a hit shows when the caller does not supply them.</summary>
    private static readonly HashSet<string> HitFields = [HeadlineStoredField, SourceStoredField, SectionStoredField, PublishedField, UrlField];

    private static readonly char[] QuerySyntax = ['+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', ':', '\\', '/'];

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter? _writer;
    private readonly Analyzer _analyzer;
    private readonly string[] _queryFields;
    private readonly Dictionary<string, float> _boosts;
    private readonly object _readerLock = new();
    private readonly BM25Similarity _similarity = new();
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;
    private long _lastRefresh;
    private volatile bool _changed;

    // Put runs on several threads at once (ingest indexes on its analysis threads; IndexWriter is thread-safe):
    // each thread reuses its own term lists from document to document.
    private readonly ThreadLocal<DocumentTerms> _terms = new(() => new DocumentTerms());

    private SearchIndex(Lucene.Net.Store.Directory directory, bool writable, IndexAnalysis analysis)
    {
        _directory = directory;
        Analysis = analysis;
        _analyzer = CreateAnalyzer(analysis);
        (_queryFields, _boosts) = analysis == IndexAnalysis.Marsad
            ? (new[] { HeadlineField, TextField, HeadlineStemField, TextStemField }, new Dictionary<string, float> { [HeadlineField] = 3f, [TextField] = 1f, [HeadlineStemField] = 1.5f, [TextStemField] = 0.5f })
            : (new[] { HeadlineField, TextField }, new Dictionary<string, float> { [HeadlineField] = 3f, [TextField] = 1f });
        if (writable)
        {
            var config = new IndexWriterConfig(MarsadAnalyzer.Version, _analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 48,
            };
            _writer = new IndexWriter(directory, config);
        }
    }

    public IndexAnalysis Analysis { get; }

    /// <summary>Opens (or creates) the index in a folder. A writable index takes Lucene's write lock.</summary>
    public static SearchIndex Open(string path, bool writable, IndexAnalysis analysis = IndexAnalysis.Marsad)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        if (!writable && !DirectoryReader.IndexExists(directory))
        {
            // An archive with no article yet: an empty index to read.
            using var init = new IndexWriter(directory, new IndexWriterConfig(MarsadAnalyzer.Version, CreateAnalyzer(analysis)));
            init.Commit();
        }

        return new SearchIndex(directory, writable, analysis);
    }

    /// <summary>An index in memory (evaluation baselines, tests).</summary>
    public static SearchIndex InMemory(IndexAnalysis analysis) => new(new RAMDirectory(), writable: true, analysis);

    public static Analyzer CreateAnalyzer(IndexAnalysis analysis)
    {
        var keyword = new KeywordLowerAnalyzer();
        if (analysis == IndexAnalysis.LuceneArabic)
        {
            var arabic = new ArabicAnalyzer(MarsadAnalyzer.Version);
            return new PerFieldAnalyzerWrapper(arabic, new Dictionary<string, Analyzer> { [SourceField] = keyword, [SectionField] = keyword });
        }

        var surface = new MarsadAnalyzer(SearchForm.Surface);
        var stem = new MarsadAnalyzer(SearchForm.Stem);
        return new PerFieldAnalyzerWrapper(surface, new Dictionary<string, Analyzer>
        {
            [HeadlineStemField] = stem,
            [TextStemField] = stem,
            [SourceField] = keyword,
            [SectionField] = keyword,
        });
    }

    /// <summary>Adds or replaces (by id) one article's document. Thread-safe: documents may be put from several threads at once.</summary>
    public void Put(IndexDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var writer = Writer();
        var d = new Document
        {
            new StringField(IdField, doc.Id, Field.Store.NO),
            new BinaryDocValuesField(IdValuesField, new BytesRef(doc.Id)),
        };
        if (Analysis == IndexAnalysis.Marsad)
        {
            AddMarsadFields(d, doc);
        }
        else
        {
            d.Add(new Lucene.Net.Documents.TextField(HeadlineField, doc.Headline ?? string.Empty, Field.Store.NO));
            d.Add(new Lucene.Net.Documents.TextField(TextField, doc.Text, Field.Store.NO));
        }

        foreach (var key in doc.EntityKeys.Distinct(StringComparer.Ordinal))
        {
            d.Add(new StringField(EntityField, key, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(doc.Source))
        {
            d.Add(new StringField(SourceField, doc.Source.ToLowerInvariant(), Field.Store.NO));
            d.Add(new StoredField(SourceStoredField, doc.Source));
        }

        if (!string.IsNullOrEmpty(doc.Section))
        {
            d.Add(new StringField(SectionField, doc.Section.ToLowerInvariant(), Field.Store.NO));
            d.Add(new StoredField(SectionStoredField, doc.Section));
        }

        if (doc.PublishedAt is { } published)
        {
            d.Add(new Int64Field(DateField, published.ToUnixTimeSeconds(), Field.Store.NO));
            d.Add(new StoredField(PublishedField, published.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(doc.Url))
        {
            d.Add(new StoredField(UrlField, doc.Url));
        }

        if (!string.IsNullOrEmpty(doc.Headline))
        {
            d.Add(new StoredField(HeadlineStoredField, doc.Headline));
        }

        writer.UpdateDocument(new Term(IdField, doc.Id), d);
        _changed = true;
    }

    /// <summary>
    /// The surface and stem fields of headline and text, from terms analysed once per document (from the token
    /// layer when the document has one) rather than by the analyzer once per field.
    /// </summary>
    private void AddMarsadFields(Document d, IndexDocument doc)
    {
        var t = _terms.Value!;
        t.Clear();
        if (doc.Tokens is { Count: > 0 } tokens)
        {
            SearchTerms.FromTokens(doc.Text, tokens, 0, doc.Text.Length, t.TextSurface, t.TextStems);
        }
        else
        {
            SearchTerms.Analyse(doc.Text, 0, doc.Text.Length, t.TextSurface, t.TextStems);
        }

        var headline = doc.Headline ?? string.Empty;
        if (headline.Length > 0 && doc.Text.StartsWith(headline, StringComparison.Ordinal) && (doc.Text.Length == headline.Length || !char.IsLetterOrDigit(doc.Text[headline.Length])))
        {
            // The text begins with the headline (as an analysed article's does): its terms are the text's first ones.
            t.HeadSurface.AddPrefix(t.TextSurface, headline.Length);
            t.HeadStems.AddPrefix(t.TextStems, headline.Length);
        }
        else
        {
            SearchTerms.Analyse(headline, 0, headline.Length, t.HeadSurface, t.HeadStems);
        }

        d.Add(new Lucene.Net.Documents.TextField(HeadlineField, Stream(t.HeadSurface, headline.Length)));
        d.Add(new Lucene.Net.Documents.TextField(TextField, Stream(t.TextSurface, doc.Text.Length)));
        d.Add(new Lucene.Net.Documents.TextField(HeadlineStemField, Stream(t.HeadStems, headline.Length)));
        d.Add(new Lucene.Net.Documents.TextField(TextStemField, Stream(t.TextStems, doc.Text.Length)));
    }

    /// <summary>One thread's term lists for <see cref="Put"/>: the surface and stem terms of the text and of the headline.</summary>
    private sealed class DocumentTerms
    {
        public SearchTermList TextSurface { get; } = new();

        public SearchTermList TextStems { get; } = new();

        public SearchTermList HeadSurface { get; } = new();

        public SearchTermList HeadStems { get; } = new();

        public void Clear()
        {
            TextSurface.Clear();
            TextStems.Clear();
            HeadSurface.Clear();
            HeadStems.Clear();
        }
    }

    private static TermListTokenStream Stream(SearchTermList terms, int textLength) => new() { Terms = terms, TextLength = textLength };

    public void Delete(string id)
    {
        Writer().DeleteDocuments(new Term(IdField, id));
        _changed = true;
    }

    /// <summary>Makes the changes durable (Lucene's two-phase commit).</summary>
    public void Commit() => Writer().Commit();

    /// <summary>The ids of every live document.</summary>
    public HashSet<string> Ids()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var scratch = new BytesRef();
        foreach (var leaf in Reader().Leaves)
        {
            var reader = leaf.AtomicReader;
            var values = reader.GetBinaryDocValues(IdValuesField);
            var live = reader.LiveDocs;
            for (var i = 0; values is not null && i < reader.MaxDoc; i++)
            {
                if (live is null || live.Get(i))
                {
                    values.Get(i, scratch);
                    ids.Add(scratch.Utf8ToString());
                }
            }
        }

        return ids;
    }

    /// <summary>Live documents in the index.</summary>
    public int Count => Reader().NumDocs;

    /// <summary>
    /// Runs a query: BM25 over the text fields, filters as constant-score clauses. <paramref name="hitsFrom"/>, when
    /// given, supplies the hits' display fields and texts (the archive reads them from SQLite in one go); else the
    /// display fields come from the index's stored fields and nothing is highlighted.
    /// </summary>
    public SearchResults Search(SearchQuery query, Func<IReadOnlyList<string>, bool, IReadOnlyDictionary<string, HitSource>>? hitsFrom = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var watch = Stopwatch.StartNew();
        var searcher = Searcher();
        try
        {
            return Search(query, searcher, watch, hitsFrom);
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    private SearchResults Search(SearchQuery query, IndexSearcher searcher, Stopwatch watch, Func<IReadOnlyList<string>, bool, IReadOnlyDictionary<string, HitSource>>? hitsFrom)
    {
        var parsed = Parse(query.Text);
        var combined = new BooleanQuery();
        if (parsed is not null)
        {
            combined.Add(parsed, Occur.MUST);
        }

        void Filter(Query q)
        {
            combined.Add(new ConstantScoreQuery(q) { Boost = 0f }, Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.EntityKey))
        {
            Filter(new TermQuery(new Term(EntityField, query.EntityKey)));
        }

        if (!string.IsNullOrEmpty(query.Source))
        {
            Filter(new TermQuery(new Term(SourceField, query.Source.ToLowerInvariant())));
        }

        if (!string.IsNullOrEmpty(query.Section))
        {
            Filter(new TermQuery(new Term(SectionField, query.Section.ToLowerInvariant())));
        }

        if (query.From is not null || query.To is not null)
        {
            Filter(NumericRangeQuery.NewInt64Range(DateField, query.From?.ToUnixTimeSeconds(), query.To?.ToUnixTimeSeconds(), true, true));
        }

        if (combined.Clauses.Count == 0)
        {
            return new SearchResults(0, [], watch.Elapsed.TotalMilliseconds);
        }

        var top = searcher.Search(combined, Math.Max(1, query.Limit));
        var ids = top.ScoreDocs.Select(sd => IdOf(searcher, sd.Doc)).ToList();
        var highlighter = query.Highlights && hitsFrom is not null && parsed is not null ? HighlighterFor(parsed) : null;
        var sources = hitsFrom?.Invoke(ids, highlighter is not null);
        var hits = new List<SearchHit>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var score = top.ScoreDocs[i].Score;
            if (sources is not null)
            {
                if (sources.TryGetValue(id, out var h))
                {
                    var fragments = highlighter is not null && h.Text is { } text ? highlighter.Fragments(text, 3) : [];
                    hits.Add(new SearchHit(id, score, h.Headline, h.Source, h.Section, h.PublishedAt, h.Url, fragments));
                }
                else
                {
                    hits.Add(new SearchHit(id, score, null, null, null, null, null, []));
                }

                continue;
            }

            var d = searcher.Doc(top.ScoreDocs[i].Doc, HitFields);
            hits.Add(new SearchHit(id, score, d.Get(HeadlineStoredField), d.Get(SourceStoredField), d.Get(SectionStoredField), d.Get(PublishedField), d.Get(UrlField), []));
        }

        return new SearchResults(top.TotalHits, hits, watch.Elapsed.TotalMilliseconds);
    }

    private static string IdOf(IndexSearcher searcher, int doc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (leaf.AtomicReader.GetBinaryDocValues(IdValuesField) is not { } values)
        {
            // An index written before the ids had doc values: the stored id.
            return searcher.Doc(doc, new HashSet<string> { IdField }).Get(IdField);
        }

        var scratch = new BytesRef();
        values.Get(doc - leaf.DocBase, scratch);
        return scratch.Utf8ToString();
    }

    /// <summary>A highlighter for the query's words: surface-field terms and stem-field terms (Marsad's analysis), or the stock analyzer's terms.</summary>
    private SearchHighlighter? HighlighterFor(Query parsed)
    {
        var terms = new HashSet<Term>();
        parsed.ExtractTerms(terms);
        if (Analysis != IndexAnalysis.Marsad)
        {
            // The baseline index (evaluation only) is not highlighted.
            return null;
        }

        var surface = terms.Where(t => t.Field is HeadlineField or TextField).Select(t => t.Text).ToList();
        var stems = terms.Where(t => t.Field is HeadlineStemField or TextStemField).Select(t => t.Text).ToList();
        var highlighter = new SearchHighlighter(surface, stems);
        return highlighter.IsEmpty ? null : highlighter;
    }

    /// <summary>Parses the user's query: words are OR-ed and ranked by BM25, "…" is a phrase; other query syntax is taken literally.</summary>
    internal Query? Parse(string text)
    {
        var cleaned = Sanitise(text);
        if (string.IsNullOrWhiteSpace(cleaned))
        {
            return null;
        }

        var parser = new MultiFieldQueryParser(MarsadAnalyzer.Version, _queryFields, _analyzer, _boosts)
        {
            DefaultOperator = Operator.OR,
            AutoGeneratePhraseQueries = false,
        };
        try
        {
            return parser.Parse(cleaned);
        }
        catch (ParseException)
        {
            return parser.Parse(cleaned.Replace("\"", " ", StringComparison.Ordinal));
        }
    }

    private static string Sanitise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        var quotes = text.Count(c => c == '"');
        foreach (var c in text)
        {
            if (c == '"')
            {
                // An unbalanced quote is dropped rather than failing the query.
                sb.Append(quotes % 2 == 0 ? c : ' ');
            }
            else if (Array.IndexOf(QuerySyntax, c) >= 0)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        // AND/OR/NOT in capitals are operators to the classic parser; users mean words.
        return Operators().Replace(sb.ToString(), m => m.Value.ToLowerInvariant());
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(AND|OR|NOT)\b")]
    private static partial System.Text.RegularExpressions.Regex Operators();

    private IndexWriter Writer() => _writer ?? throw new InvalidOperationException("the index was opened read-only");

    /// <summary>The current searcher: reused across queries, reopened when the writer changed the index or (read-only) when a newer commit may exist.</summary>
    private IndexSearcher Searcher()
    {
        lock (_readerLock)
        {
            var now = Stopwatch.GetTimestamp();
            var stale = _writer is not null ? _changed : Stopwatch.GetElapsedTime(_lastRefresh, now) >= RefreshInterval;
            if (_searcher is null || stale)
            {
                var before = _reader;
                var reader = Reader();
                if (_searcher is null || !ReferenceEquals(before, reader))
                {
                    _searcher = new IndexSearcher(reader) { Similarity = _similarity };
                }

                _lastRefresh = now;
            }

            // The caller holds a reference until its search ends, so a reopen cannot close the reader under it.
            _searcher.IndexReader.IncRef();
            return _searcher;
        }
    }

    private DirectoryReader Reader()
    {
        lock (_readerLock)
        {
            if (_reader is null)
            {
                _reader = _writer is not null ? DirectoryReader.Open(_writer, applyAllDeletes: true) : DirectoryReader.Open(_directory);
            }
            else
            {
                var newer = _writer is not null ? DirectoryReader.OpenIfChanged(_reader, _writer, true) : DirectoryReader.OpenIfChanged(_reader);
                if (newer is not null)
                {
                    // Searches still running on the old reader finish before it is closed: Lucene's reference
                    // count keeps it open until then.
                    _reader.DecRef();
                    _reader = newer;
                }
            }

            _changed = false;
            return _reader;
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _terms.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
