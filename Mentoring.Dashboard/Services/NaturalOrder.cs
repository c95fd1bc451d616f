using System.Text.RegularExpressions;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// Orders names as people read them: "СШ № 32" before "СШ № 135" (numbers by value), the rest by Russian collation.
/// </summary>
public sealed partial class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    private static readonly StringComparer Text = StringComparer.Create(Format.Russian, ignoreCase: true);

    public int Compare(string? x, string? y)
    {
        var a = Parts().Split(x ?? "");
        var b = Parts().Split(y ?? "");
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var result = long.TryParse(a[i], out var na) && long.TryParse(b[i], out var nb) ? na.CompareTo(nb) : Text.Compare(a[i], b[i]);
            if (result != 0)
                return result;
        }
        return a.Length.CompareTo(b.Length);
    }

    [GeneratedRegex(@"(\d+)")]
    private static partial Regex Parts();
}
