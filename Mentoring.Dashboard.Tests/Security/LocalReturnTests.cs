using Mentoring.Dashboard.Security;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>After signing in the browser goes to a page of this site, and any address makes a valid redirect.</summary>
public sealed class LocalReturnTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("regions/5?campaign=3", "/regions/5?campaign=3")]
    [InlineData("/regions/5", "/regions/5")]
    // A non-ASCII address once made a correct sign-in answer 500: a Location header carries ASCII only.
    [InlineData("/поиск?q=Анапа", "/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=%D0%90%D0%BD%D0%B0%D0%BF%D0%B0")]
    // Other sites never: protocol-relative, backslashed, absolute addresses stay on this site or go to its start.
    [InlineData("//evil.example/x", "/evil.example/x")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/https://evil.example/")]
    [InlineData("/a\r\nSet-Cookie: x=1", "/")]
    public void ReturnsAPathOfThisSite(string? returnUrl, string expected) => Assert.Equal(expected, LocalReturn.Url(returnUrl));
}
