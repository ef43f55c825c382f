namespace Marsad.Testing;

/// <summary>
/// Finds ../shared (the real corpora and the seed page, never committed to the repository) from a
/// test's working folder: the first ancestor folder with a sibling or child named shared/data.
/// Tests that need it call <see cref="Require"/>, which skips the test with a clear message when absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootPath = new(Find);

    /// <summary>The shared folder (holding data/ and seeds/), or null when it is not beside the repository.</summary>
    public static string? Root => RootPath.Value;

    /// <summary>The full path of a file or folder under shared/, e.g. "seeds/000_4a4df9c2005a90e5.txt"; skips the test when absent.</summary>
    public static string Require(string relative)
    {
        var root = Root;
        Skip.If(root is null, "../shared is not beside the repository: this test needs the shared data (see README)");
        var path = Path.Combine(root!, relative);
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"shared/{relative} is not present: this test needs it");
        return path;
    }

    /// <summary>The repository root (the folder holding Marsad.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Marsad.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "data")))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }
}
