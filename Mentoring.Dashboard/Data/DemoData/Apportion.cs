namespace Mentoring.Dashboard.Data.DemoData;

/// <summary>Deterministic splitting of published totals into parts that add up exactly.</summary>
public static class Apportion
{
    /// <summary>
    /// Splits <paramref name="total"/> into integer parts proportional to <paramref name="weights"/>, each at most its
    /// cap (largest-remainder method, repeated while caps bind). The parts always sum to the total.
    /// </summary>
    public static int[] Split(int total, IReadOnlyList<double> weights, IReadOnlyList<int>? caps = null)
    {
        var n = weights.Count;
        var parts = new int[n];
        if (n == 0 || total == 0)
            return total == 0 ? parts : throw new ArgumentException("Nothing to split a non-zero total into.");
        var capOf = (int i) => caps?[i] ?? int.MaxValue;
        if (caps is not null && caps.Sum(c => (long)c) < total)
            throw new ArgumentException($"Caps add up to less than the total {total}.");

        var remaining = total;
        while (remaining > 0)
        {
            var open = Enumerable.Range(0, n).Where(i => parts[i] < capOf(i)).ToList();
            var weightSum = open.Sum(i => Math.Max(weights[i], 1e-9));
            var shares = open.ToDictionary(i => i, i => remaining * Math.Max(weights[i], 1e-9) / weightSum);
            var given = 0;
            foreach (var i in open)
            {
                var add = Math.Min((int)Math.Floor(shares[i]), capOf(i) - parts[i]);
                parts[i] += add;
                given += add;
            }
            // Hand out what is left one by one, largest fractional remainder first.
            foreach (var i in open.OrderByDescending(i => shares[i] - Math.Floor(shares[i])).ThenBy(i => i))
            {
                if (given == remaining)
                    break;
                if (parts[i] < capOf(i))
                {
                    parts[i]++;
                    given++;
                }
            }
            remaining -= given;
        }
        return parts;
    }

    /// <summary>Picks exactly <paramref name="count"/> of <paramref name="n"/> indices, reproducibly for a seed.</summary>
    public static HashSet<int> Pick(int count, int n, Random random)
    {
        if (count > n)
            throw new ArgumentException($"Cannot pick {count} of {n}.");
        return Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(count).ToHashSet();
    }
}
