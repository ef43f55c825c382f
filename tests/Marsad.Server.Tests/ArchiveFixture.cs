using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Marsad.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Server.Tests;

/// <summary>
/// A temporary archive holding the bundled samples and a hostile page, served by the real host on a
/// free loopback port. Built once per test class.
/// </summary>
public sealed class ArchiveFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("marsad-server-").FullName;
    private WebApplication? _app;
    private EmbeddedArchive? _archive;

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public MarsadServerOptions Options { get; } = new() { Urls = "http://127.0.0.1:0", MaxPageSize = 50 };

    public async Task InitializeAsync()
    {
        var inputs = new[]
        {
            Path.Combine(SharedData.RepositoryRoot, "samples"),
            Path.Combine(AppContext.BaseDirectory, "Fixtures", "hostile.html"),
        };
        using (var writable = EmbeddedArchive.Open(_data))
        {
            var ingestor = new ArchiveIngestor(writable, Pipelines.Default(MarsadModels.Locate()), new IngestOptions { Read = new ReadOptions() });
            await ingestor.RunAsync(ArchiveIngestor.ExpandPaths(inputs), Path.Combine(_data, ArchiveIngestor.RejectsFile));
        }

        _archive = EmbeddedArchive.Open(_data, new ArchiveOpenOptions { ReadOnly = true });
        _app = MarsadServer.Build(Options, _archive);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _archive?.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
