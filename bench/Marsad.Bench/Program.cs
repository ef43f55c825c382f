using BenchmarkDotNet.Running;

namespace Marsad.Bench;

/// <summary>Runs Marsad's benchmarks: <c>dotnet run -c Release --project bench/Marsad.Bench -- --filter '*' --job short</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
