using System.Globalization;

namespace Mentoring.Dashboard.Components;

/// <summary>
/// Query parameters typed or edited by hand are parsed leniently: «?slide=1.5» or «?campaign=» means "not given",
/// never a failed page. Blazor's own binding of an <c>int?</c> throws on them and ends the session.
/// </summary>
public static class QueryValue
{
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Flag(string? text) => bool.TryParse(text, out var value) && value;
}
