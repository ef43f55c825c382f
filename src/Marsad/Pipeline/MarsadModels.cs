namespace Marsad.Pipeline;

/// <summary>
/// Where Marsad's trained models and tables live. Models are loaded once into immutable objects
/// shared by every thread; each task folder (Entities/, Topics/...) loads its own files from
/// <see cref="Directory"/>.
/// </summary>
public sealed class MarsadModels
{
    private MarsadModels(string directory) => Directory = directory;

    /// <summary>The models folder: $MARSAD_MODELS, else models/ beside the program, else the repository's models/.</summary>
    public string Directory { get; }

    public static MarsadModels Locate(string? directory = null)
    {
        if (!string.IsNullOrEmpty(directory))
        {
            return new MarsadModels(Path.GetFullPath(directory));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("MARSAD_MODELS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return new MarsadModels(Path.GetFullPath(fromEnvironment));
        }

        // The CLI and server copy models/ next to their binaries; tests and tools run from the
        // source tree, so walk up to the repository's models/ folder as a fallback.
        var beside = Path.Combine(AppContext.BaseDirectory, "models");
        if (System.IO.Directory.Exists(beside))
        {
            return new MarsadModels(beside);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, "MODELS.md")))
            {
                return new MarsadModels(candidate);
            }
        }

        return new MarsadModels(beside);
    }

    public string PathOf(string relative) => Path.Combine(Directory, relative);
}
