using System.Runtime.InteropServices;

namespace Marsad.Storage.Evaluation;

/// <summary>
/// The CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond
/// resolution). A query runs on its caller's thread, so this is its cost whatever else the machine runs,
/// where wall-clock latency on a shared machine mostly measures waiting for a core. Null elsewhere.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    /// <summary>Seconds of CPU the calling thread has used, or null when the clock is not available.</summary>
    public static double? Now() => Available && clock_gettime(ThreadCpuTimeId, out var t) == 0 ? t.Seconds + (t.Nanoseconds / 1e9) : null;

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clockId, out Timespec time);
}
