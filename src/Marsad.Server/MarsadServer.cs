using Marsad.Errors;
using Marsad.Pipeline;
using Marsad.Server.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marsad.Server;

/// <summary>Builds the web application behind `marsad serve`: the JSON API, OpenAPI document and the web UI.</summary>
public static class MarsadServer
{
    /// <summary>Builds the app. Without an archive only /health, /api/analyze and the UI's analyse page work.</summary>
    public static WebApplication Build(MarsadServerOptions options, Storage.IArchive? archive = null, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes + 1);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start (the port is taken) is thrown to the caller, which reports it in one line;
        // the host would otherwise also log it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Problems written by the framework (an unknown path, a wrong method) carry a code like Marsad's own.
            if (context.ProblemDetails.Status is >= 400 and < 500 && !context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                context.ProblemDetails.Extensions["code"] = ErrorCodes.BadArgument;
            }
        });

        // Binding failures are thrown (not answered with an empty 400) so that ProblemExceptionHandler
        // can answer them with a JSON body naming the parameter, like every other bad request.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Marsad.Json.MarsadJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default);
        });

        var app = builder.Build();
        var pipeline = Pipelines.Default(MarsadModels.Locate(options.ModelsDirectory));

        app.UseExceptionHandler();

        // Empty error responses (an unknown /api path, a wrong method) get a ProblemDetails body too.
        app.UseStatusCodePages();
        app.Use(SecurityHeaders);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => Results.Json(new Health("ok", Marsad.Json.AnalysisDocument.ContractVersion), ServerJsonContext.Default.Health))
            .WithName("Health");

        var api = app.MapGroup("/api");
        api.MapAnalyzeApi(pipeline, options);
        if (archive is not null)
        {
            // A store failing under a running server (its folder deleted) is answered as MRS301, not a bare 500.
            var guarded = new ArchiveFailureGuard(archive, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Marsad.Archive"));
            api.MapArchiveApi(guarded, options);
        }

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
