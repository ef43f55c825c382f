namespace Marsad.Errors;

/// <summary>
/// The one error type Marsad throws for bad input or configuration. It carries a stable
/// <see cref="Code"/> (see <see cref="ErrorCodes"/>) that the CLI prints and the API returns, and
/// the input it concerns (a path, "-" for stdin, or "path#record").
/// </summary>
public sealed class MarsadException : Exception
{
    public MarsadException(string code, string message, string? input = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Input = input;
    }

    public string Code { get; }

    public string? Input { get; }

    /// <summary>One line: "input: CODE message".</summary>
    public string ToLine() => Input is null ? $"{Code}: {Message}" : $"{Input}: {Code}: {Message}";
}
