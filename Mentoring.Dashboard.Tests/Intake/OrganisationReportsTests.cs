using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>The curator's form: drafts kept, validation before anything is written, conflicts instead of lost edits.</summary>
public abstract class OrganisationReportsTests(SeededDatabase database)
{
    [Fact]
    public async Task ASubmission_IsInTheAuditLogInWords_IndicatorNamesYesNoAndLevels_NoCodes()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);

        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));

        await using var db = await database.Factory.CreateDbContextAsync();
        var details = db.AuditEntries.Where(e => e.Details.StartsWith("Отправлены данные организации")).OrderByDescending(e => e.Id).First().Details;
        var share = form.Indicators.First(i => i.Kind == IndicatorKind.Share);
        var fact = form.Indicators.First(i => i.Kind == IndicatorKind.Fact);
        var level = form.Indicators.First(i => i.Levels is { Count: > 0 });
        Assert.Contains($"«{share.ShortName}»: — → 1 из 10", details);
        Assert.Contains($"«{fact.ShortName}»: — → да", details);
        Assert.Contains($"«{level.ShortName}»: — → {level.Levels!.Single(l => l.Code == 1).Name}", details);
        Assert.All(form.Indicators, i => Assert.DoesNotContain(i.Code, details));
    }

    [Fact]
    public async Task ARoundLoadedFromAPublishedReport_IsReadOnlyForEveryone_AndSaysWhereItsFiguresComeFrom()
    {
        var region = await database.RegionIdAsync("krasnoyarsk");
        var city = await database.MunicipalityIdAsync(IntakeTestData.City);
        var school = await database.OrganisationIdAsync("СШ № 50", IntakeTestData.City);
        var published = await database.CampaignIdAsync("krasnoyarsk", new DateOnly(2023, 5, 15));
        const string reason = "Этот мониторинг загружен из опубликованного отчёта: его данные показаны как напечатано и через форму или загрузку не меняются.";

        foreach (var user in new[] { TestUsers.For(Roles.Curator, region, city, school), IntakeTestData.Admin })
        {
            var form = await database.ReportsAs(user).GetAsync(published, school);
            Assert.Equal((true, reason, SubmissionState.NotStarted), (form.FromPublishedReport, form.ReadOnlyReason, form.State));
            Assert.Equal(reason, Assert.IsType<SaveOutcome.Refused>(
                await database.ReportsAs(user).SubmitAsync(published, school, form.Values.ToDictionary(), form.Version)).Reason);
        }
        // Nor by an import, even the administrator's: a correction of a closed round is for rounds collected in the app.
        var import = await database.ImportAs(IntakeTestData.Admin).CommitAsync(published, city, "Организация;Код\n"u8.ToArray(), "forms.csv");
        Assert.Equal((reason, 0), (import.Refusal, import.Changes.Count));
    }

    [Fact]
    public async Task ARetriedDraftWhoseFirstSaveCommittedUnheard_IsSaved_NotAConflictWithItself()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var opened = await curator.GetAsync(campaign, school);

        // The first save committed, but its answer was lost with the connection: the form retries from the old version.
        var committed = Assert.IsType<SaveOutcome.Saved>(await curator.SaveDraftAsync(campaign, school, Values(mentors: 12), opened.Version));
        var retried = await curator.SaveDraftAsync(campaign, school, Values(mentors: 12), opened.Version);

        Assert.Equal(committed.Version, Assert.IsType<SaveOutcome.Saved>(retried).Version);
        // Other values from the old version are still a conflict: something was saved that this form has not seen.
        Assert.IsType<SaveOutcome.Conflict>(await curator.SaveDraftAsync(campaign, school, Values(mentors: 13), opened.Version));
    }

    [Fact]
    public async Task TwoEditorsOfOneSchool_TheSecondGetsAConflict_AndTheFirstKeepsTheirWork()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var official = database.ReportsAs(TestUsers.For(Roles.RegionalOfficial, region));
        var opened = await curator.GetAsync(campaign, school);
        var openedByOfficial = await official.GetAsync(campaign, school);
        Assert.Equal(opened.Version, openedByOfficial.Version);

        var first = await curator.SaveDraftAsync(campaign, school, Values(mentors: 12), opened.Version);
        var second = await official.SaveDraftAsync(campaign, school, Values(mentors: 3), openedByOfficial.Version);

        Assert.IsType<SaveOutcome.Saved>(first);
        var conflict = Assert.IsType<SaveOutcome.Conflict>(second);
        Assert.Equal("Curator@test", conflict.UpdatedBy);
        // The curator's draft survives (a new session, as after a restart, reads it back).
        var reopened = await database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school)).GetAsync(campaign, school);
        Assert.Equal(12m, reopened.Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal(SubmissionState.InProgress, reopened.State);
        // Submitting from the stale form is refused as well.
        Assert.IsType<SaveOutcome.Conflict>(await official.SubmitAsync(campaign, school, Complete(opened.Indicators), openedByOfficial.Version));
    }

    [Fact]
    public async Task AnIncompleteOrInconsistentForm_IsRefusedWithFieldMessages_AndWritesNothing()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        var values = Complete(form.Indicators);
        values[IndicatorCatalogue.YoungTeachersMentees] = Figure.Share(7, 5);
        values.Remove(IndicatorCatalogue.MentoringPairs);
        values[IndicatorCatalogue.TeacherMentors] = Figure.Count(-1);
        var before = await FingerprintAsync(database);

        var outcome = Assert.IsType<SaveOutcome.Invalid>(await curator.SubmitAsync(campaign, school, values, form.Version));

        Assert.Contains(outcome.Problems, p => p.Indicator.Code == IndicatorCatalogue.YoungTeachersMentees
            && p.Message == "не может быть больше, чем «Молодых педагогов (стаж 0–3 года)» (5)");
        Assert.Contains(outcome.Problems, p => p.Indicator.Code == IndicatorCatalogue.MentoringPairs && p.Message == "заполните поле");
        Assert.Contains(outcome.Problems, p => p.Indicator.Code == IndicatorCatalogue.TeacherMentors && p.Message == "ожидается целое число от 0 до 1 000 000");
        Assert.Equal(3, outcome.Problems.Count);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task ADraftOfCorrections_NeverChangesASubmittedReport_UntilItIsSubmittedInTurn()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        var values = Complete(form.Indicators);
        values[IndicatorCatalogue.YoungTeachersMentees] = Figure.Share(4, 5);
        var submitted = Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, values, form.Version));
        async Task<decimal?> RegionalYoungAsync() => (await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Region(region)))
            .Single(f => f.Indicator.Code == IndicatorCatalogue.YoungTeachersMentees).Total!.Shown!.Value.Percent;

        values[IndicatorCatalogue.YoungTeachersMentees] = Figure.Share(1, 5);
        var draft = Assert.IsType<SaveOutcome.Saved>(await curator.SaveDraftAsync(campaign, school, values, submitted.Version));

        // Still submitted, its figures still the region's; the corrections are kept and shown as not sent.
        var corrected = await curator.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.Submitted, true), (corrected.State, corrected.HasUnsentCorrections));
        Assert.Equal(1m, corrected.Values[IndicatorCatalogue.YoungTeachersMentees].Numerator);
        Assert.Equal(80m, await RegionalYoungAsync());

        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, values, draft.Version));
        var sent = await curator.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.Submitted, false), (sent.State, sent.HasUnsentCorrections));
        Assert.Equal(20m, await RegionalYoungAsync());
    }

    [Fact]
    public async Task AWriteLockHeldElsewhere_IsToldToTheUser_NothingIsSaved_AndTheSameFormSendsOnceItIsFree()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school), ImpatientFactory(database));
        var form = await curator.GetAsync(campaign, school);
        var values = Complete(form.Indicators);
        var before = await FingerprintAsync(database);

        await using (await HoldWriteLockAsync(database))
        {
            var submitted = await curator.SubmitAsync(campaign, school, values, form.Version);
            Assert.Equal(DatabaseBusy.Message, Assert.IsType<SaveOutcome.Busy>(submitted).Message);
            var draft = await curator.SaveDraftAsync(campaign, school, values, form.Version);
            Assert.Equal(DatabaseBusy.Message, Assert.IsType<SaveOutcome.Busy>(draft).Message);
        }

        Assert.Equal(before, await FingerprintAsync(database));
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, values, form.Version));
    }

    [Fact]
    public async Task CampaignActionsOnABusyDatabase_SayThatNothingChanged_AndWorkOnceItIsFree()
    {
        var (campaign, region, _) = await CollectingCampaignAsync(database);
        var campaigns = database.CampaignsAs(Admin, ImpatientFactory(database));
        var request = new OpenCampaignRequest(region, "Мониторинг в занятой базе", new DateOnly(2024, 12, 31), [IndicatorCatalogue.FormTeacherTeacher]);

        await using (await HoldWriteLockAsync(database))
        {
            Assert.Equal(DatabaseBusy.ActionMessage, await campaigns.CloseAsync(campaign));
            var (opened, problems) = await campaigns.OpenAsync(request);
            Assert.Null(opened);
            Assert.Equal([DatabaseBusy.ActionMessage], problems);
        }

        Assert.Equal(CampaignState.Collecting, (await campaigns.GetAsync(campaign)).State);
        Assert.DoesNotContain(await campaigns.ListAsync(), c => c.Title == request.Title);
        Assert.Null(await campaigns.CloseAsync(campaign));
        Assert.Equal(CampaignState.Closed, (await campaigns.GetAsync(campaign)).State);
    }


    [Fact]
    public async Task ASubmittedForm_BecomesTheSchoolsFigures_AndIsAnnounced()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        var values = Complete(form.Indicators);
        values[IndicatorCatalogue.YoungTeachersMentees] = Figure.Share(4, 5);
        database.Feed.Published.Clear();

        var saved = Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, values, form.Version));

        Assert.Equal(form.Indicators.Count, saved.ChangedFigures);
        var young = (await database.Queries.GetFiguresAsync(campaign, TerritoryRef.Region(region)))
            .Single(f => f.Indicator.Code == IndicatorCatalogue.YoungTeachersMentees).Total!.Shown!.Value;
        Assert.Equal(80m, young.Percent);
        var change = Assert.Single(database.Feed.Published);
        Assert.Equal((campaign, region, school), (change.CampaignId, change.RegionId, change.OrganisationIds.Single()));
        var after = await curator.GetAsync(campaign, school);
        Assert.Equal(SubmissionState.Submitted, after.State);
        Assert.Equal(Figure.Share(4, 5), after.Values[IndicatorCatalogue.YoungTeachersMentees]);
    }

    [Fact]
    public async Task OnlyTheSchoolsOwnPeople_WriteItsFigures()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var other = await database.OrganisationIdAsync("СШ № 32", City);
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var presenter = database.ReportsAs(TestUsers.For(Roles.Presenter, region));
        var form = await presenter.GetAsync(campaign, school);

        Assert.False(form.CanEdit);
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => presenter.SaveDraftAsync(campaign, school, Values(1), form.Version));
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => curator.GetAsync(campaign, other));
        await Assert.ThrowsAsync<TerritoryAccessDeniedException>(() => curator.SubmitAsync(campaign, other, Values(1), 0));
    }

    [Fact]
    public async Task ANewReport_StartsFromTheOrganisationsLastFigures_AndSavesNothingUntilTheCuratorActs()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var before = await FingerprintAsync(database);

        var form = await curator.GetAsync(campaign, school);

        // СШ № 50 in the May 2023 round: 7 mentors, 8 pairs.
        Assert.Equal(new DateOnly(2023, 5, 15), form.CarriedFrom!.AsOf);
        Assert.Equal(7m, form.Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal(8m, form.Values[IndicatorCatalogue.MentoringPairs].Value);
        Assert.Equal(SubmissionState.NotStarted, form.State);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task SubmittingAfterTheCampaignWasClosed_SaysSo_AndWritesNothing()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school); // the form is open...
        Assert.Null(await database.CampaignsAs(Admin).CloseAsync(campaign)); // ...when the region closes the round
        var before = await FingerprintAsync(database);

        var submitted = await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version);
        var drafted = await curator.SaveDraftAsync(campaign, school, Values(mentors: 3), form.Version);

        Assert.Equal("Мониторинг закрыт: исправления вносит администратор.", Assert.IsType<SaveOutcome.Refused>(submitted).Reason);
        Assert.IsType<SaveOutcome.Refused>(drafted);
        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task ATitleTypedWithWordsShiftEnter_IsSavedAsOneLine_SoEveryExportOfItCanBeWritten()
    {
        var admin = database.CampaignsAs(TestUsers.For(Roles.Administrator));
        var region = await database.RegionIdAsync("krasnoyarsk");

        var (id, problems) = await admin.OpenAsync(new OpenCampaignRequest(region, "Мониторинг\u000Bвесна\t2026", new DateOnly(2026, 3, 1), [IndicatorCatalogue.TeacherMentors]));

        Assert.Empty(problems);
        Assert.Equal("Мониторинг весна 2026", (await admin.GetAsync(id!.Value)).Title);
    }

    [Fact]
    public async Task AHalfCollectedCampaign_IsNotComparedWithACompleteOne_SoNothingReadsAsADecline()
    {
        var (campaign, region, city, school) = await SchoolCampaignAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));
        var official = TestUsers.For(Roles.RegionalOfficial, region);
        var campaigns = await database.QueriesAs(official).GetCampaignsAsync(region);
        var collecting = campaigns.Single(c => c.Id == campaign);
        var latestClosed = campaigns.Where(c => c.State == CampaignState.Closed).MaxBy(c => c.AsOf)!;

        // One school of 127 has reported: against the complete round every count would fall. Nothing is compared.
        var report = await database.DynamicsAs(official).GetAsync(region, latestClosed.Id, campaign);
        Assert.True(report.IsHeldBack);
        Assert.Empty(report.Indicators);
        Assert.Equal($"Мониторинг на {Format.Date(collecting.AsOf)} ещё идёт (сдали 1 из 127 организаций), поэтому изменения не рассчитываются — "
                     + "неполные данные выглядели бы как снижение. Сравнение появится после закрытия мониторинга.", report.HeldBackText);

        var conclusions = await database.ConclusionsAs(official).ForRegionAsync(region, campaign);
        Assert.Equal($"Мониторинг на {Format.Date(collecting.AsOf)} ещё идёт: выводы и сравнения будут сделаны после его закрытия, "
                     + "когда данные сдадут все организации. Сейчас показатели отражают только сдавшие организации.", Assert.Single(conclusions).Text);
        var forCity = await database.ConclusionsAs(official).ForMunicipalityAsync(city, campaign);
        Assert.DoesNotContain(forCity, c => c.Text.Contains("уменьш", StringComparison.Ordinal));

        // Pages open on the latest closed round, not on the one still collecting.
        Assert.Equal(latestClosed.Id, CampaignInfo.Pick(campaigns, null)!.Id);
        Assert.Equal(campaign, CampaignInfo.Pick(campaigns, campaign)!.Id);
    }

    private async Task<(int Campaign, int Region, int City, int School)> SchoolCampaignAsync()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        return (campaign, region, city, await database.OrganisationIdAsync("СШ № 50", City));
    }

    private static Dictionary<string, Figure> Values(decimal mentors) => new() { [IndicatorCatalogue.TeacherMentors] = Figure.Count(mentors) };
}

public sealed class OrganisationReportsOnSqlite(SqliteSeededDatabase database) : OrganisationReportsTests(database), IClassFixture<SqliteSeededDatabase>;

public sealed class OrganisationReportsOnPostgreSql(PostgreSqlSeededDatabase database) : OrganisationReportsTests(database), IClassFixture<PostgreSqlSeededDatabase>;
