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

    public static IResult FromException(MarsadException e) => e.Code switch
    {
        ErrorCodes.UnknownId => Create(StatusCodes.Status404NotFound, e.Code, "Not found", e.Message),
        ErrorCodes.Storage or ErrorCodes.BadModel => Create(StatusCodes.Status500InternalServerError, e.Code, "Server error", e.Message),
        _ => Create(StatusCodes.Status400BadRequest, e.Code, "Bad request", e.Message),
    };

    public static IResult Create(int status, string code, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
