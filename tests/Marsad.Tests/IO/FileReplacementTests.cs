using Marsad.IO;

namespace Marsad.Tests.IO;

/// <summary>A model file is replaced whole or not at all.</summary>
public sealed class FileReplacementTests
{
    [Fact]
    public void AWriteReplacesTheFileAndLeavesNoTemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("marsad-replace-").FullName;
        try
        {
            var path = Path.Combine(folder, "sub", "model.bin");
            FileReplacement.Write(path, s => s.Write([1, 2, 3]));
            FileReplacement.Write(path, s => s.Write([4, 5]));
            Assert.Equal([4, 5], File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AWriteThatFailsHalfwayLeavesTheOldFileAsItWas()
    {
        var folder = Directory.CreateTempSubdirectory("marsad-replace-").FullName;
        try
        {
            var path = Path.Combine(folder, "model.bin");
            File.WriteAllBytes(path, [7, 8, 9]);
            Assert.Throws<InvalidOperationException>(() => FileReplacement.Write(path, s =>
            {
                s.Write([1]);
                throw new InvalidOperationException("disk full");
            }));
            Assert.Equal([7, 8, 9], File.ReadAllBytes(path));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
