using Marsad.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Marsad.Server.Api;

/// <summary>
/// Answers an exception that reached the host with the same ProblemDetails as the endpoints' own errors, instead of an
/// empty 400 or a 500 with no Marsad code: a request the framework could not bind (limit=abc, offset=99999999999, a
/// repeated parameter) as 400 MRS201 (413 MRS401 for a body too large) with the framework's reason, and a
/// <see cref="MarsadException"/> (an archive failure at request time, see <see cref="ArchiveFailureGuard"/>) with its
/// code, status and message. Anything else is left to the host (a 500, its stack trace in the log).
/// </summary>
public sealed class ProblemExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var result = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad =>
                Problems.Create(bad.StatusCode, ErrorCodes.RequestTooLarge, "Request body too large", bad.Message),
            BadHttpRequestException bad => Problems.Create(bad.StatusCode, ErrorCodes.BadArgument, "Bad request", bad.Message),
            MarsadException marsad => Problems.FromException(marsad),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }
}
