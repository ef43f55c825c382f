using Marsad.Errors;
using Microsoft.AspNetCore.Http;

namespace Marsad.Server.Api;

/// <summary>ProblemDetails responses that carry Marsad's stable error code in the "code" extension.</summary>
public static class Problems
{
    public static IResult BadRequest(string detail) => Create(StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "Bad request", detail);

    public static IResult NotFound(string detail) => Create(StatusCodes.Status404NotFound, ErrorCodes.UnknownId, "Not found", detail);

    public static IResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge, "Request body too large", $"the limit is {limit} bytes");

    /// <summary>The error as ProblemDetails; its input ("request#3" for the third record) goes in the "input" extension.</summary>
    public static IResult FromException(MarsadException e) => e.Code switch
    {
        ErrorCodes.UnknownId => Create(StatusCodes.Status404NotFound, e.Code, "Not found", e.Message, e.Input),
        ErrorCodes.Storage or ErrorCodes.BadModel or ErrorCodes.AnalysisFailed => Create(StatusCodes.Status500InternalServerError, e.Code, "Server error", e.Message, e.Input),
        _ => Create(StatusCodes.Status400BadRequest, e.Code, "Bad request", e.Message, e.Input),
    };

    public static IResult Create(int status, string code, string title, string detail, string? input = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (input is not null)
        {
            extensions["input"] = input;
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }
}
