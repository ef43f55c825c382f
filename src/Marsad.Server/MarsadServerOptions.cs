namespace Marsad.Server;

/// <summary>How `marsad serve` runs: where it listens, which archive and models it uses, and its limits.</summary>
public sealed record MarsadServerOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The models folder; null finds it as the CLI does.</summary>
    public string? ModelsDirectory { get; init; }

    /// <summary>Largest request body accepted (POST /api/analyze); larger ones get 413 with MRS401.</summary>
    public long MaxRequestBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Largest page size for list endpoints.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>The folder with the web UI's static files; null uses wwwroot beside the binary.</summary>
    public string? WebRoot { get; init; }
}
