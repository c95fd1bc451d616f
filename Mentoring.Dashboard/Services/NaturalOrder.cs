using System.Globalization;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// Orders names as people read them: "СШ № 32" before "СШ № 135" (numbers by value), the rest by Russian collation.
/// A name is read as alternating runs of text and digits, compared run by run. Without allocating: every open region
/// page sorts its municipalities with it after every change.
/// </summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    private static readonly CompareInfo Russian = Format.Russian.CompareInfo;

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").AsSpan();
        var b = (y ?? "").AsSpan();
        while (true)
        {
            var textA = Run(ref a, digits: false);
            var textB = Run(ref b, digits: false);
            var result = Russian.Compare(textA, textB, CompareOptions.IgnoreCase);
            if (result != 0)
                return result;
            // The name with more runs of digits left comes later ("СШ" before "СШ 1").
            if (a.IsEmpty || b.IsEmpty)
                return (!a.IsEmpty).CompareTo(!b.IsEmpty);
            var numberA = Run(ref a, digits: true);
            var numberB = Run(ref b, digits: true);
            result = long.TryParse(numberA, NumberStyles.None, CultureInfo.InvariantCulture, out var na)
                     && long.TryParse(numberB, NumberStyles.None, CultureInfo.InvariantCulture, out var nb)
                ? na.CompareTo(nb)
                : Russian.Compare(numberA, numberB, CompareOptions.IgnoreCase);
            if (result != 0)
                return result;
        }
    }

    /// <summary>The leading run of digits (or of anything else) of <paramref name="rest"/>, which moves past it.</summary>
    private static ReadOnlySpan<char> Run(ref ReadOnlySpan<char> rest, bool digits)
    {
        var length = 0;
        while (length < rest.Length && char.IsDigit(rest[length]) == digits)
            length++;
        var run = rest[..length];
        rest = rest[length..];
        return run;
    }
}
