using Marsad.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Marsad.Server.Api;

/// <summary>
/// Turns a request the framework could not bind (limit=abc, offset=99999999999, a repeated
/// parameter) into the same ProblemDetails as Marsad's own checks: status 400, code MRS201 and
/// the framework's reason, instead of an empty 400.
/// </summary>
public sealed class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var result = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? Problems.Create(bad.StatusCode, ErrorCodes.RequestTooLarge, "Request body too large", bad.Message)
            : Problems.Create(bad.StatusCode, ErrorCodes.BadArgument, "Bad request", bad.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }
}
