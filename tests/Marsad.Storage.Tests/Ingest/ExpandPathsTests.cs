using Marsad.Errors;
using Marsad.Ingest;
using Marsad.Storage.Ingest;
using Marsad.Storage.Tests.Fixtures;

namespace Marsad.Storage.Tests.Ingest;

/// <summary>How ingest turns the paths it is given into files to read.</summary>
public sealed class ExpandPathsTests
{
    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order_without_dot_files()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Sub("in/b"));
        File.WriteAllText(temp.Sub("in/b/2.txt"), "x");
        File.WriteAllText(temp.Sub("in/a.txt"), "x");
        File.WriteAllText(temp.Sub("in/.hidden"), "x");
        File.WriteAllText(temp.Sub("single.txt"), "x");

        Assert.Equal(
            [temp.Sub("in/a.txt"), temp.Sub("in/b/2.txt"), temp.Sub("single.txt")],
            ArchiveIngestor.ExpandPaths([temp.Sub("in"), temp.Sub("single.txt")]));
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_subfolder_that_cannot_be_listed_is_rejected_with_the_reason_and_the_rest_is_read()
    {
        using var temp = new TempFolder();
        var locked = temp.Sub("in/locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "hidden-by-permissions.txt"), "x");
        File.WriteAllText(temp.Sub("in/a.txt"), "x");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            Skip.If(CanList(locked), "the user can list any folder (root): no permission is refused");
            var files = ArchiveIngestor.ExpandPaths([temp.Sub("in")]);
            Assert.Equal([temp.Sub("in/a.txt"), locked], files);

            var outcome = Assert.Single(ArticleReaders.ReadPath(locked, new ReadOptions()));
            Assert.Equal(ErrorCodes.Unreadable, outcome.Error?.Code);
            Assert.Equal(locked, outcome.Error?.Input);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanList(string folder)
    {
        try
        {
            Directory.GetFiles(folder);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
