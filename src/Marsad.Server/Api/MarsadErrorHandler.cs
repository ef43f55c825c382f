using Marsad.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Marsad.Server.Api;

/// <summary>
/// Answers a <see cref="MarsadException"/> that reached the host (an archive failure at request time, see
/// <see cref="ArchiveFailureGuard"/>) with the same ProblemDetails as the endpoints' own errors: its code,
/// its status (500 for MRS301) and its message, instead of a 500 with no Marsad code.
/// </summary>
public sealed class MarsadErrorHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not MarsadException marsad)
        {
            return false;
        }

        await Problems.FromException(marsad).ExecuteAsync(httpContext);
        return true;
    }
}
