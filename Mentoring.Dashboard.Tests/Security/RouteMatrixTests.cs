using System.Net;
using System.Text.RegularExpressions;
using Mentoring.Dashboard.Extensions;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Mentoring.Dashboard.Tests.Security;

/// <summary>
/// Every page route and every export, opened over HTTP by each demo account and by a visitor: an account allowed in
/// sees the exact figures or names written here, every other one «Нет доступа» (a download: 403) and none of them, a
/// visitor the sign-in page. A route added to the app without a row here fails <see cref="EveryRouteAndExport_HasARow"/>.
/// </summary>
[Collection(DashboardAppCollection.Name)]
public class RouteMatrixTests(DashboardApp app)
{
    // The demo accounts: Krasnodar's official and presenter, Anapa's head (Krasnodar krai), СШ № 50's curator (Krasnoyarsk).
    private const string Admin = "admin", Official = "minobr", Head = "anapa", Presenter = "presenter", Curator = "curator";
    private static readonly string[] Accounts = [Admin, Official, Head, Presenter, Curator];

    /// <param name="Route">The route as the app declares it.</param>
    /// <param name="Url">A URL of it, with the demo territories' ids as placeholders.</param>
    /// <param name="Shown">What each account allowed in sees (page text with spaces collapsed, or the CSV's text); anyone else is refused.</param>
    /// <param name="Withheld">What an allowed account must still not see (a head: the schools of other municipalities); «|» between several.</param>
    public sealed record Row(string Route, string Url, Dictionary<string, string> Shown, Dictionary<string, string>? Withheld = null, bool Public = false)
    {
        public override string ToString() => Url;
    }

    private static Dictionary<string, string> Same(string shown, params string[] accounts) => accounts.ToDictionary(a => a, _ => shown);

    private static readonly string[] Krasnodar = [Admin, Official, Head, Presenter];
    private static readonly string[] KrasnodarReaders = [Admin, Official, Presenter];
    private static readonly string[] Everyone = Accounts;

    private static readonly Row[] Rows =
    [
        // Where each account starts: its own territory (tested in full in StartPageTests); the administrator, the list of regions.
        new("/", "/", new() { [Admin] = "Белгородская область Данные: Старооскольский городской округ", [Official] = "Краснодарский край 44 муниципалитета, 1 287 организаций",
            [Head] = "город-курорт Анапа городской округ · Краснодарский край · 33 организации", [Presenter] = "Краснодарский край 44 муниципалитета, 1 287 организаций",
            [Curator] = "СШ № 50 Общеобразовательная организация · город Красноярск · Красноярский край" }),

        // Krasnodar krai and its municipality Anapa: everyone of the krai; the head sees the region as the comparison of municipalities.
        new("/regions/{Id:int}", "/regions/{krasnodar}", Same("Краснодарский край 44 муниципалитета, 1 287 организаций", Krasnodar)),
        new("/regions/{Id:int}", "/regions/{krasnoyarsk}", Same("Данные: город Красноярск 1 муниципалитет, 127 организаций", Admin, Curator)),
        new("/regions/{Id:int}/dynamics", "/regions/{krasnodar}/dynamics", Same("Не приступили к реализации (1): город Горячий Ключ *.", Krasnodar)),
        new("/regions/{Id:int}/plan", "/regions/{krasnodar}/plan", Same("Цель: 100 % на 2022 год 2022 78,24 % 100 % 100 % 78,24 %", Krasnodar)),
        new("/regions/{Id:int}/quality", "/regions/{krasnodar}/quality", Same("Опубликовано 1 007 ОО, по данным нижестоящего уровня 1 080 ОО", Krasnodar)),
        new("/regions/{RegionId:int}/report", "/regions/{krasnodar}/report",
            new(Same("Внедрить форму наставничества «учитель-учитель» 207 организаций из 1 287", KrasnodarReaders))
            {
                [Head] = "Внедрить форму наставничества «учитель-учитель» 8 организаций из 33",
            },
            Withheld: new() { [Head] = "Школа № 1 (демо) (Абинский район)" }),
        new("/municipalities/{Id:int}", "/municipalities/{anapa}", Same("«Учитель-учитель» 75 % 24 из 32 ОО по региону: 85 % (−10 п.п.) место 40 из 44", Krasnodar)),
        new("/municipalities/{MunicipalityId:int}/report", "/municipalities/{anapa}/report",
            Same("«Учитель-учитель» (ОУ) – 75 % при 85 % (демо) по региону; «Учитель-ученик» (ОУ) – 40,6 % при 67,7 % (демо) по региону", Krasnodar)),
        // Another municipality of the krai: its head sees Armavir's totals, never its schools (nor a count of them it cannot see).
        new("/municipalities/{Id:int}", "/municipalities/{armavir}",
            Same("«Учитель-учитель» 90,9 % 30 из 33 ОО (всего — демо-реестр) по региону: 85 % (+5,9 п.п.) место 1 из 44", Krasnodar),
            Withheld: new() { [Head] = "Школа № 1 (демо)|0 организаций" }),
        new("/organisations/{Id:int}", "/organisations/{armavir-school}",
            Same("Школа № 1 (демо) демо Общеобразовательная организация · город Армавир · Краснодарский край", KrasnodarReaders)),
        new("/organisations/{Id:int}", "/organisations/{anapa-school}", Same("Реализуется форма наставничества «учитель-учитель» ✓ да демо по муниципалитету (ОУ): 75 %", Krasnodar)),
        new("/organisations/{Id:int}", "/organisations/{school-50}", Same("СШ № 50 Общеобразовательная организация · город Красноярск · Красноярский край", Admin, Curator)),

        // Data intake. The closed Krasnodar round: its progress for the krai; its form open to corrections by the administrator
        // alone, read-only for the others («Мониторинг закрыт», or no input at all for a presenter).
        // (The open Krasnoyarsk round's counts are read from the database: other tests of this app report into it.)
        new("/campaigns", "/campaigns", new(Same("Краснодарский край Реализация ЦМН: данные к Августовскому совещанию 2022 01.08.2022 ✓ закрыт опубликованный отчёт", Admin, Official, Head, Presenter))
        {
            [Curator] = "Красноярский край Мониторинг реализации целевой модели наставничества (демонстрационный сбор) 01.12.2026 ● идёт сбор {open-submitted} из 127",
        }, Withheld: new() { [Curator] = "Краснодарский край", [Official] = "Красноярский край", [Head] = "Красноярский край", [Presenter] = "Красноярский край" }),
        new("/campaigns/{Id:int}", "/campaigns/{krasnodar-campaign}", Same("Этот мониторинг загружен из опубликованного отчёта («", Krasnodar)),
        // «Кто не сдал» of a round loaded from a published report: nobody was asked to report, so there is nobody to chase
        // (the list of a collecting round, the krai's or a head's municipality alone: ChaseListTests).
        new("/campaigns/{Id:int}/chase", "/campaigns/{krasnodar-campaign}/chase", Same("Этот мониторинг загружен из опубликованного отчёта: организации не сдавали данные через систему, поэтому хода сбора и списка «Кто не сдал» у него нет. К мониторингу", Krasnodar)),
        new("/campaigns/{Id:int}", "/campaigns/{krasnoyarsk-open}", Same("Сдали {open-submitted} из 127, заполняют {open-in-progress} , не приступили {open-not-started} .", Admin)),
        new("/campaigns/{Id:int}/municipalities/{MunicipalityId:int}", "/campaigns/{krasnodar-campaign}/municipalities/{anapa}",
            Same("Этот мониторинг загружен из опубликованного отчёта: организации не сдавали данные через систему, поэтому хода сбора и списка «Кто не сдал» у него нет. Организация Тип Состояние Последнее изменение ГБОУ школа № 13 г.-к. Анапа ОУ опубликованный отчёт —", Krasnodar)),
        new("/campaigns/{Id:int}/organisations/{OrganisationId:int}", "/campaigns/{krasnodar-campaign}/organisations/{anapa-school}",
            new(Same("МАОУ «КШ» город-курорт Анапа · Реализация ЦМН: данные к Августовскому совещанию 2022, по состоянию на 01.08.2022 · опубликованный отчёт Этот мониторинг загружен из опубликованного отчёта: его данные показаны как напечатано и через форму или загрузку не меняются.", Admin, Official, Head))
            {
                [Presenter] = "МАОУ «КШ» город-курорт Анапа · Реализация ЦМН: данные к Августовскому совещанию 2022, по состоянию на 01.08.2022 · опубликованный отчёт Ваша роль не предусматривает ввод данных этой организации.",
            }),
        new("/campaigns/{Id:int}/organisations/{OrganisationId:int}", "/campaigns/{krasnoyarsk-open}/organisations/{school-50}",
            Same("СШ № 50 город Красноярск · Мониторинг реализации целевой модели наставничества (демонстрационный сбор), по состоянию на 01.12.2026", Admin, Curator)),

        // Slides and saved decks (one of the presenter's, made for this test: only its owner opens or edits it; its link shows it to the krai).
        new("/slides", "/slides?region={krasnodar}", Same("«Учитель-учитель» 78,2 % 1 007 из 1 287 ОО (всего — демо-реестр)", Krasnodar)),
        // Each account lists its own decks only (others of this app's tests save decks too).
        // «Мои презентации»: a new deck of each territory the account may present (a head's municipality first), and its saved ones.
        new("/presentations", "/presentations", new(Same("Новая презентация Белгородская область", Admin))
        {
            [Official] = "Новая презентация Краснодарский край",
            [Head] = "Новая презентация город-курорт Анапа Краснодарский край",
            [Curator] = "Новая презентация город Красноярск Красноярский край",
            [Presenter] = "Новая презентация Краснодарский край Название Территория Изменена Действия Матрица доступа",
        }, Withheld: new() { [Official] = "Красноярский край", [Head] = "Красноярский край|Матрица доступа", [Curator] = "Краснодарский край", [Presenter] = "Красноярский край", [Admin] = "Матрица доступа" }),
        new("/presentations/{DeckId:int}", "/presentations/{deck}", Same("«Учитель-учитель» 78,2 % 1 007 из 1 287 ОО", Presenter)),
        new("/presentations/{Id:int}/edit", "/presentations/{deck}/edit", Same("Матрица доступа", Presenter)),
        new("/presentations/shared/{Token:guid}", "/presentations/shared/{deck-token}", Same("«Учитель-учитель» 78,2 % 1 007 из 1 287 ОО", Krasnodar)),

        // Administration: the administrator's alone.
        new("/admin/users", "/admin/users", Same("curator@demo.local Куратор СШ № 50 (г. Красноярск) Куратор образовательной организации СШ № 50, город Красноярск", Admin)),
        new("/admin/audit", "/admin/audit", Same("admin@demo.local Вход admin@demo.local", Admin)),
        new("/admin/plans", "/admin/plans", Same("Регион — выберите — Белгородская область Кемеровская область — Кузбасс Краснодарский край Красноярский край Томская область", Admin)),

        // One's own account: everyone signed in, each under their own name.
        new("/account/profile", "/account/profile", Names("Так вас назовёт титульный слайд презентации.")),
        new("/account/password", "/account/password", Names("Смена пароля Текущий пароль")),
        new("/ping", "/ping", Same("Соединение с сервером установлено.", Everyone)),

        // Open to anyone: sign-in, the refusal itself, the error page.
        new("/account/login", "/account/login", Same("Войти", Everyone), Public: true),
        new("/account/access-denied", "/account/access-denied", Same("У вашей учётной записи нет доступа к этой странице.", Everyone), Public: true),
        new("/error", "/error", Same("Запрос не удалось выполнить.", Everyone), Public: true),

        // Downloads (CSV; the .pptx is checked by its size in slides). The head's recommendations are Anapa's schools only.
        new("/export/indicators", "/export/indicators?region={krasnodar}&campaign={krasnodar-campaign}&format=csv",
            Same("Реализуется форма наставничества «учитель-учитель»;78,2 % (демо, источник противоречит себе);1 007 из 1 287 ОО", Krasnodar)),
        new("/export/municipalities", "/export/municipalities?region={krasnodar}&campaign={krasnodar-campaign}&format=csv",
            Same("город Армавир;городской округ;36;90,9 % (демо);90,9;30 из 33 ОО;90,9 %;100 %", Krasnodar)),
        new("/export/organisations", "/export/organisations?municipality={anapa}&campaign={krasnodar-campaign}&format=csv",
            Same("ГБОУ школа № 13 г.-к. Анапа;ОУ;да (демо);да (демо);да (демо);нет (демо);нет (демо)", Krasnodar)),
        new("/export/recommendations", "/export/recommendations?region={krasnodar}&campaign={krasnodar-campaign}&format=csv",
            new(Same("Внедрить форму наставничества «учитель-учитель»;Реализуется форма наставничества «учитель-учитель»;Абинский район;Школа № 1 (демо)", KrasnodarReaders))
            {
                [Head] = "Внедрить форму наставничества «учитель-учитель»;Реализуется форма наставничества «учитель-учитель»;город-курорт Анапа;МАОУ СОШ № 15 им. Г.А. Чёрного",
            },
            Withheld: new() { [Head] = "Абинский район;Школа № 1 (демо)" }),
        new("/export/plan", "/export/plan?region={krasnodar}&format=csv", Same("Реализуется форма наставничества «учитель-учитель»;78,24 % (демо);01.08.2022;100 %;не выполнен;78,2 %", Krasnodar)),
        new("/export/dynamics", "/export/dynamics?region={krasnodar}&current={krasnodar-campaign}&format=csv", Same("Показатель;Срез;Базовый мониторинг;01.08.2022;Изменение;Примечание", Krasnodar)),
        new("/export/quality", "/export/quality?region={krasnodar}&format=csv", Same("01.08.2022;Итог не равен сумме частей;Краснодарский край;«Учитель-учитель»;все ОО;Опубликовано 1 007 ОО", Krasnodar)),
        new("/export/collection", "/export/collection?campaign={krasnodar-campaign}&format=csv", Same("Абинский район;30;опубликованный отчёт;;;", Krasnodar)),
        new("/export/chase", "/export/chase?campaign={krasnodar-campaign}&format=csv", Same("Этот мониторинг загружен из опубликованного отчёта: организации не сдавали данные через систему, поэтому хода сбора и списка «Кто не сдал» у него нет.", Krasnodar)),
        new("/export/submissions", "/export/submissions?campaign={krasnodar-campaign}&municipality={anapa}&format=csv", Same("ГБОУ школа № 13 г.-к. Анапа;ОУ;опубликованный отчёт;—", Krasnodar)),
        new("/export/intake", "/export/intake?campaign={krasnodar-campaign}&municipality={anapa}&format=csv", Same("1;МАОУ «КШ»;ОУ;1;0;0;1;0", Krasnodar)),
        new("/export/intake", "/export/intake?campaign={krasnoyarsk-open}&municipality={krasnoyarsk-city}&format=csv", Same(";СШ № 50;ОУ;", Admin, Curator),
            Withheld: new() { [Curator] = "СШ № 32" }),
        new("/export/deck", "/export/deck?region={krasnodar}", Same("13 slides", Krasnodar)),
    ];

    /// <summary>A page every signed-in account opens, each under its own name in the app bar (checked with <see cref="DisplayNameAsync"/>).</summary>
    private static Dictionary<string, string> Names(string text) => Same(text, Everyone);

    public static TheoryData<string> Urls() => new(Rows.Select(r => r.Url));

    [Fact]
    public void EveryRouteAndExport_HasARow()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template);
        var routes = pages.Concat(ExportRoutes()).ToHashSet();

        Assert.Equal(routes.Order(), Rows.Select(r => r.Route).ToHashSet().Order());
    }

    /// <summary>The app's downloads as it maps them (built in-process, never started).</summary>
    private static IEnumerable<string> ExportRoutes()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Services.AddMentoringData(builder.Configuration).AddMentoringIdentity(builder.Environment).AddMentoringUi();
        var web = builder.Build();
        web.MapExports();
        return ((IEndpointRouteBuilder)web).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!).ToList();
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task EachAccount_SeesExactlyItsShare_AndAVisitorSignsIn(string template)
    {
        var row = Rows.Single(r => r.Url == template);
        var url = await UrlAsync(template);
        var failures = new List<string>();

        foreach (var account in Accounts)
        {
            var (status, path, text) = await OpenAsync(await ClientAsync(account), url);
            void Expect(bool ok, string what)
            {
                if (!ok)
                    failures.Add($"{account}: {what} (status {(int)status}, at {path}): «{Excerpt(text, row.Shown.GetValueOrDefault(account))}»");
            }

            if (row.Shown.TryGetValue(account, out var expected))
            {
                var shown = await CurrentAsync(expected);
                Expect(status == HttpStatusCode.OK, "not opened");
                Expect(text.Contains(shown, StringComparison.Ordinal), $"does not show «{shown}»");
                foreach (var withheld in row.Withheld?.GetValueOrDefault(account)?.Split('|') ?? [])
                    Expect(!text.Contains(withheld, StringComparison.Ordinal), $"shows «{withheld}», which is not theirs");
                if (row.Route is "/account/profile" or "/account/password")
                    Expect(text.Contains(await DisplayNameAsync(account), StringComparison.Ordinal), "is not under the account's own name");
            }
            else
            {
                Expect(row.Url.StartsWith("/export/", StringComparison.Ordinal)
                    ? status == HttpStatusCode.Forbidden && text == "Нет доступа."
                    : text.Contains("Нет доступа", StringComparison.Ordinal), "is not refused");
                foreach (var secret in row.Shown.Values.Distinct())
                    Expect(!text.Contains(await CurrentAsync(secret), StringComparison.Ordinal), $"leaks «{secret}»");
            }
        }

        var (_, visitorPath, visitorText) = await OpenAsync(app.NewClient(), url);
        if (row.Public)
        {
            if (!visitorText.Contains(row.Shown[Admin], StringComparison.Ordinal))
                failures.Add($"visitor: does not show «{row.Shown[Admin]}»");
        }
        else if (visitorPath != "/account/login")
        {
            failures.Add($"visitor: ended at {visitorPath}, not at the sign-in page");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The account's name as it is now (another test renames the presenter on its profile page).</summary>
    private Task<string> DisplayNameAsync(string account) =>
        app.ScalarTextAsync("""SELECT "DisplayName" FROM "AspNetUsers" WHERE "Email" = @e""", ("e", $"{account}@demo.local"));

    /// <summary>The expected text with the open Krasnoyarsk round's counts as they are now.</summary>
    private async Task<string> CurrentAsync(string shown)
    {
        if (!shown.Contains("{open-", StringComparison.Ordinal))
            return shown;
        var campaign = await app.ScalarAsync("""SELECT "Id" FROM "Campaigns" WHERE "RegionId" = @r AND "State" = 2""", ("r", (int)await app.RegionIdAsync("krasnoyarsk")));
        Task<long> CountAsync(int state) =>
            app.ScalarAsync("""SELECT COUNT(*) FROM "Submissions" WHERE "CampaignId" = @c AND "State" = @s""", ("c", (int)campaign), ("s", state));
        var (submitted, inProgress) = (await CountAsync(2), await CountAsync(1));
        return shown.Replace("{open-submitted}", submitted.ToString(), StringComparison.Ordinal)
            .Replace("{open-in-progress}", inProgress.ToString(), StringComparison.Ordinal)
            .Replace("{open-not-started}", (127 - submitted - inProgress).ToString(), StringComparison.Ordinal);
    }

    private static string Excerpt(string text, string? around)
    {
        var at = around is null ? -1 : text.IndexOf(around[..Math.Min(12, around.Length)], StringComparison.Ordinal);
        var start = Math.Max(0, at < 0 ? 0 : at - 40);
        return text.Substring(start, Math.Min(300, text.Length - start));
    }

    /// <summary>The answer as a user reads it: a page's text with tags gone and spaces collapsed, a CSV as is, a deck by its slides.</summary>
    private static async Task<(HttpStatusCode Status, string Path, string Text)> OpenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        var media = response.Content.Headers.ContentType?.MediaType ?? "";
        string text;
        if (media.Contains("presentationml", StringComparison.Ordinal))
        {
            using var deck = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(await response.Content.ReadAsStreamAsync(), false);
            text = $"{deck.PresentationPart!.SlideParts.Count()} slides";
        }
        else
        {
            var body = await response.Content.ReadAsStringAsync();
            text = media == "text/html" ? PageText(body) : Regex.Replace(body.TrimStart('\uFEFF'), @"\s+", " ").Trim();
        }
        return (response.StatusCode, path, text);
    }

    private static string PageText(string html)
    {
        var text = Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline);
        text = WebUtility.HtmlDecode(Regex.Replace(text, "<[^>]+>", " "));
        return Regex.Replace(text, @"\s+", " ").Trim();
    }

    /// <summary>Query parameters as a hand-edited address may carry them: each means "not given", never a failed page.</summary>
    private static readonly Dictionary<string, string> MalformedQuery = new()
    {
        ["campaign"] = "1.5", ["slide"] = "abc", ["region"] = "", ["municipality"] = "-3", ["focus"] = "%00",
        ["base"] = "99999999999999", ["current"] = "x", ["saved"] = "maybe", ["view"] = "%D0%B6",
    };

    public static TheoryData<string> PageUrls() => new(Rows.Where(r => !r.Url.StartsWith("/export/", StringComparison.Ordinal) && !r.Public).Select(r => r.Url));

    [Theory]
    [MemberData(nameof(PageUrls))]
    public async Task EveryPage_WithMalformedQueryParameters_ShowsWhatItShowsWithoutThem(string template)
    {
        var row = Rows.Single(r => r.Url == template);
        var (account, expected) = row.Shown.First();
        var url = await UrlAsync(template);
        var given = new Uri("http://x" + url).Query;
        var malformed = string.Join("&", MalformedQuery.Where(q => !given.Contains(q.Key + "=", StringComparison.Ordinal)).Select(q => $"{q.Key}={q.Value}"));

        var (status, path, text) = await OpenAsync(await ClientAsync(account), url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + malformed);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(await CurrentAsync(expected), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Запрос не удалось выполнить", text, StringComparison.Ordinal); // the error page
        Assert.DoesNotContain("Действие не выполнено", text, StringComparison.Ordinal); // a page's error boundary
        Assert.DoesNotContain("/error", path, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, HttpClient> Clients = [];

    /// <summary>One signed-in client per account and app, reused by every row (a sign-in hashes a password).</summary>
    private async Task<HttpClient> ClientAsync(string account)
    {
        var key = $"{app.BaseUrl} {account}";
        if (!Clients.TryGetValue(key, out var client))
            Clients[key] = client = await app.SignedInClientAsync($"{account}@demo.local");
        return client;
    }

    private static (long Id, Guid Token)? deck;

    private async Task<string> UrlAsync(string template)
    {
        var krasnodar = await app.RegionIdAsync("krasnodar");
        var krasnoyarsk = await app.RegionIdAsync("krasnoyarsk");
        if (template.Contains("{deck", StringComparison.Ordinal))
            deck ??= await PresentersDeckAsync(krasnodar);
        var url = template
            .Replace("{anapa}", (await app.MunicipalityIdAsync("город-курорт Анапа")).ToString(), StringComparison.Ordinal)
            .Replace("{anapa-school}", (await app.OrganisationIdAsync("МАОУ «КШ»")).ToString(), StringComparison.Ordinal)
            .Replace("{armavir-school}", (await app.ScalarAsync("""
                SELECT o."Id" FROM "Organisations" o JOIN "Municipalities" m ON m."Id" = o."MunicipalityId" WHERE m."Name" = 'город Армавир' AND o."Name" = 'Школа № 1 (демо)'
                """)).ToString(), StringComparison.Ordinal)
            .Replace("{armavir}", (await app.MunicipalityIdAsync("город Армавир")).ToString(), StringComparison.Ordinal)
            .Replace("{krasnodar-campaign}", (await app.LatestCampaignAsync(krasnodar)).ToString(), StringComparison.Ordinal)
            .Replace("{krasnoyarsk-open}", (await app.ScalarAsync("""SELECT "Id" FROM "Campaigns" WHERE "RegionId" = @r AND "State" = 2""", ("r", (int)krasnoyarsk))).ToString(), StringComparison.Ordinal)
            .Replace("{deck}", deck?.Id.ToString(), StringComparison.Ordinal)
            .Replace("{deck-token}", deck?.Token.ToString(), StringComparison.Ordinal);
        return await app.UrlAsync(url);
    }

    /// <summary>A deck of the region saved by the presenter, written as the editor saves one (an empty layout: the standard slides).</summary>
    private async Task<(long, Guid)> PresentersDeckAsync(long region)
    {
        var token = Guid.NewGuid();
        var owner = await app.ScalarTextAsync("""SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'presenter@demo.local'""");
        var id = Convert.ToInt64(await app.WriteAsync("""
            INSERT INTO "SavedDecks" ("OwnerId", "Name", "RegionId", "MunicipalityId", "CampaignId", "LayoutJson", "ShareToken", "UpdatedAt")
            VALUES (@owner, 'Матрица доступа', @region, NULL, NULL, '[]', @token, '2026-11-30 12:00:00+00:00') RETURNING "Id"
            """, ("owner", owner), ("region", (int)region), ("token", token.ToString().ToUpperInvariant())), System.Globalization.CultureInfo.InvariantCulture);
        return (id, token);
    }
}
