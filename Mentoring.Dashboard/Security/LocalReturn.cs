namespace Mentoring.Dashboard.Security;

/// <summary>Where to go after signing in: a page of this site only, escaped so that any address makes a valid redirect.</summary>
public static class LocalReturn
{
    private static readonly Uri Site = new("http://site.invalid");

    /// <summary>The path and query of <paramref name="returnUrl"/> on this site (non-ASCII letters escaped), else the start page "/".</summary>
    public static string Url(string? returnUrl)
    {
        // "//host" and "/\host" are other sites to a browser: with its slashes trimmed, any address is a path here.
        if (string.IsNullOrWhiteSpace(returnUrl) || returnUrl.Contains('\\') || returnUrl.Any(char.IsControl))
            return "/";
        return Uri.TryCreate(Site, "/" + returnUrl.TrimStart('/'), out var resolved) && resolved.Host == Site.Host
            ? resolved.PathAndQuery // escaped: a Location header carries ASCII only
            : "/";
    }
}
