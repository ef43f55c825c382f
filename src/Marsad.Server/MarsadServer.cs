using Marsad.Pipeline;
using Marsad.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marsad.Server;

/// <summary>Builds the web application behind `marsad serve`: the JSON API, OpenAPI document and the web UI.</summary>
public static class MarsadServer
{
    public static WebApplication Build(MarsadServerOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Marsad.Json.MarsadJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });

        var app = builder.Build();
        var pipeline = Pipelines.Default(MarsadModels.Locate(options.ModelsDirectory));

        app.UseExceptionHandler();
        app.Use(SecurityHeaders);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => Results.Json(new Health("ok", Marsad.Json.AnalysisDocument.ContractVersion), ServerJsonContext.Default.Health))
            .WithName("Health");

        var api = app.MapGroup("/api");
        api.MapAnalyzeApi(pipeline, options);

        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        return app;
    }

    /// <summary>
    /// Article text is untrusted: the UI only ever inserts it as text, and this policy stops any
    /// script that is not the UI's own file from running even if markup slipped through.
    /// </summary>
    private static async Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["Content-Security-Policy"] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next();
    }
}

public sealed record Health(string Status, string ContractVersion);
