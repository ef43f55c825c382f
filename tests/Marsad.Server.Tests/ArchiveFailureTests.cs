using System.Net;
using System.Text.Json;
using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage.Embedded;
using Marsad.Storage.Ingest;
using Marsad.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marsad.Server.Tests;

/// <summary>A served archive whose folder is deleted under the running server.</summary>
public sealed class ArchiveFailureTests
{
    [Fact]
    public async Task AnArchiveDeletedUnderTheServerIsAProblemWithMRS301AndNoPathOrStackTrace()
    {
        var data = Directory.CreateTempSubdirectory("marsad-gone-").FullName;
        try
        {
            using (var writable = EmbeddedArchive.Open(data))
            {
                var ingestor = new ArchiveIngestor(writable, Pipelines.Default(MarsadModels.Locate()), new IngestOptions { Read = new ReadOptions() });
                await ingestor.RunAsync(ArchiveIngestor.ExpandPaths([Path.Combine(SharedData.RepositoryRoot, "samples", "story-doha-summit.jsonl")]), Path.Combine(data, ArchiveIngestor.RejectsFile));
            }

            using var archive = EmbeddedArchive.Open(data, new ArchiveOpenOptions { ReadOnly = true });
            await using var app = MarsadServer.Build(new MarsadServerOptions { Urls = "http://127.0.0.1:0" }, archive);
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

            Directory.Delete(data, recursive: true);
            using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString("الدوحة"));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(ErrorCodes.Storage, problem.RootElement.GetProperty("code").GetString());
            Assert.Contains("archive", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(data, body, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
