using System.Runtime.InteropServices;

namespace Marsad.Entities.Features;

/// <summary>
/// Asks Linux to back a large, randomly accessed array with 2 MB pages (madvise MADV_HUGEPAGE; the machine's
/// transparent huge pages are in "madvise" mode). The NER weight table (47 MB) is read at ~60 random places per
/// token: with 4 KB pages nearly every look-up also misses the TLB, and filling the table at load takes one page
/// fault per 4 KB. Only a hint: elsewhere, or when the call fails, the memory stays as it is.
/// </summary>
internal static class NerHugePages
{
    /// <summary>The huge page size, to which a hinted region's start is aligned.</summary>
    public const int Size = 2 << 20;

    private const int AdviseHugePage = 14; // MADV_HUGEPAGE

    /// <summary>Hints that <paramref name="length"/> bytes from <paramref name="address"/> (aligned to <see cref="Size"/>) use huge pages.</summary>
    public static void Advise(IntPtr address, long length)
    {
        if (!OperatingSystem.IsLinux() || length < Size)
        {
            return;
        }

        try
        {
            _ = Madvise(address, (UIntPtr)(ulong)(length / Size * Size), AdviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No C library to ask: regular pages.
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(IntPtr address, UIntPtr length, int advice);
}
