namespace Marsad.Cli;

/// <summary>Exit codes every marsad command uses.</summary>
public static class ExitCodes
{
    /// <summary>Every input succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Some inputs failed; the others were processed.</summary>
    public const int SomeFailed = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;
}
