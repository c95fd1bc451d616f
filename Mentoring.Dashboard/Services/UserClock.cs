namespace Mentoring.Dashboard.Services;

/// <summary>
/// Times as the signed-in user reads them: in their browser's time zone, which assets/js/timezone.js keeps in a
/// cookie (Russia spans eleven zones; the server runs in UTC), else in <c>Display:TimeZone</c> (Moscow by default).
/// Interactive pages get the zone from the request that opened them (<see cref="Use"/> in Routes), exports from their
/// own request.
/// </summary>
public sealed class UserClock(IHttpContextAccessor httpContext, IConfiguration configuration, TimeProvider time)
{
    public const string CookieName = "tz";

    private TimeZoneInfo? zone;

    public TimeZoneInfo Zone => zone ??= Find(httpContext.HttpContext?.Request.Cookies[CookieName]) ?? DefaultZone;

    private TimeZoneInfo DefaultZone => Find(configuration["Display:TimeZone"]) ?? Find("Europe/Moscow") ?? TimeZoneInfo.Utc;

    /// <summary>The zone the browser reported (an IANA name such as «Asia/Krasnoyarsk»); an unknown name is ignored.</summary>
    public void Use(string? timeZoneId)
    {
        if (Find(timeZoneId) is { } found)
            zone = found;
    }

    public DateTimeOffset Now => Local(time.GetUtcNow());

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    public DateTimeOffset? Local(DateTimeOffset? at) => at is { } t ? Local(t) : null;

    /// <summary>«30.11.2026 14:05».</summary>
    public string DateAndTime(DateTimeOffset at) => Local(at).ToString("dd.MM.yyyy HH:mm", Format.Russian);

    /// <summary>«14:05:31».</summary>
    public string TimeOfDay(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", Format.Russian);

    private static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
}
