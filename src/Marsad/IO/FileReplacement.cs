namespace Marsad.IO;

/// <summary>
/// Model files are replaced whole: written to a temporary file beside the target, then moved over it. Saving over the
/// model being read (<c>marsad train topics --convert X --out X</c>), or a save that fails halfway, never leaves a
/// truncated model where the old one was.
/// </summary>
internal static class FileReplacement
{
    /// <summary>Creates <paramref name="path"/>'s folder, lets <paramref name="write"/> fill a temporary file, then moves it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = File.Create(temporary))
            {
                write(file);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
