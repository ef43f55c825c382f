using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Marsad.Cli;

/// <summary>
/// Spectre's help, except that a branch with a default command (<c>marsad bench</c>) lists the options of that
/// command: they are what the branch takes when no sub-command is named, and Spectre otherwise shows only --help.
/// </summary>
public sealed class BranchHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is { IsBranch: true, DefaultCommand: { } defaultCommand } ? defaultCommand : command);
}
