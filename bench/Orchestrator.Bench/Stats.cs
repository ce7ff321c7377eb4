using System.Globalization;

namespace Orchestrator.Bench;

/// <summary>One measured run: latencies of its items and the wall time of the whole run.</summary>
sealed record Run(string Name, IReadOnlyList<double> LatenciesMs, double WallSeconds, int StepsPerItem)
{
    public double PerSecond => LatenciesMs.Count / WallSeconds;
    public double StepsPerSecond => PerSecond * StepsPerItem;
    public double P(double percentile)
    {
        var sorted = LatenciesMs.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
    }

    public static string F(double value) => value.ToString(value >= 100 ? "F0" : value >= 1 ? "F1" : "F3", CultureInfo.InvariantCulture);
}
