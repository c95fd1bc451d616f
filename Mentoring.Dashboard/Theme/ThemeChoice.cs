namespace Mentoring.Dashboard.Theme;

/// <summary>
/// The reader's light or dark theme, carried by a cookie the server reads so that the first paint of every page is
/// already in it (no light flash before a dark page). «dark»/«light» are the reader's own choice and outlive a change of
/// the system setting; «system-dark»/«system-light» are the system's, written by theme.js until the reader chooses.
/// </summary>
public sealed class ThemeChoice
{
    public const string CookieName = "theme";

    /// <summary>Dark on the first paint.</summary>
    public bool IsDark { get; private set; }

    /// <summary>The reader chose it with the theme button (the system's setting no longer decides).</summary>
    public bool IsChosen { get; private set; }

    /// <summary>Takes the cookie the request that opened the page carried (the circuit keeps it).</summary>
    public void Use(string? cookie)
    {
        IsDark = cookie is "dark" or "system-dark";
        IsChosen = cookie is "dark" or "light";
    }
}
