namespace Marsad.Storage.Embedded;

/// <summary>
/// The SQLite schema of the embedded archive. SQLite is the source of truth; the Lucene index is
/// derived from it, and <c>articles.indexed</c> records which originals the index has committed.
/// <c>texts</c> holds each original's text (headline and body, deflated UTF-8) apart from its analysis, so that
/// highlighting a search hit reads a few kilobytes instead of decompressing and parsing the whole analysis.
/// </summary>
internal static class ArchiveSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS articles(
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            source TEXT, url TEXT, section TEXT, headline TEXT,
            published INTEGER,
            origin TEXT,
            exact_hash TEXT,
            signature BLOB,
            duplicate_of TEXT,
            duplicate_kind TEXT,
            similarity REAL,
            story_id INTEGER,
            indexed INTEGER NOT NULL DEFAULT 0,
            added INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
        CREATE INDEX IF NOT EXISTS articles_unindexed ON articles(indexed) WHERE indexed = 0;
        CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
        CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
        CREATE TABLE IF NOT EXISTS analyses(article_id TEXT PRIMARY KEY, json BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS texts(article_id TEXT PRIMARY KEY, text BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS entities(key TEXT PRIMARY KEY, type TEXT, name TEXT, english TEXT, wikidata TEXT);
        CREATE TABLE IF NOT EXISTS article_entities(entity_key TEXT NOT NULL, article_id TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY(entity_key, article_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id);
        CREATE TABLE IF NOT EXISTS mentions(article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT, text TEXT, entity_key TEXT);
        CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
        CREATE TABLE IF NOT EXISTS quotes(article_id TEXT NOT NULL, idx INTEGER NOT NULL, speaker TEXT, speaker_key TEXT, role TEXT, cue TEXT, kind TEXT, content TEXT, start INTEGER, end INTEGER);
        CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
        CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_key);
        CREATE TABLE IF NOT EXISTS times(article_id TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT, type TEXT, value TEXT);
        CREATE INDEX IF NOT EXISTS times_article ON times(article_id);
        CREATE TABLE IF NOT EXISTS stories(
            id INTEGER PRIMARY KEY,
            headline TEXT, representative TEXT, representative_score REAL,
            first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL, size INTEGER NOT NULL,
            centroid TEXT NOT NULL, entities TEXT NOT NULL, sources TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS term_df(term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
        """;
}
