using System.Net.Sockets;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Model;
using Mentoring.Dashboard.Services;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Intake;
using Mentoring.Domain.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>
/// The curator's form without a page: typing checked at once, a draft a second after the last keystroke (on a fake
/// clock), submissions, conflicts and an unreachable database, against a real database.
/// </summary>
public sealed class ReportFormModelTests(SqliteSeededDatabase database) : IClassFixture<SqliteSeededDatabase>
{
    // 07:05 UTC is 10:05 in Moscow, the zone times are shown in when the browser has not said its own.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 9, 15, 7, 5, 0, TimeSpan.Zero));
    private readonly TestModelHost host = new();
    private readonly List<IReadOnlyDictionary<string, string>> confirmed = [];

    private static Indicator Mentors => IndicatorCatalogue.Get(IndicatorCatalogue.TeacherMentors);

    [Fact]
    public async Task TypingIsSavedAsADraftOneSecondAfterTheLastKeystroke_NotAfterEachOne()
    {
        var (model, campaign, school, reports) = await OpenSchoolAsync();

        model.Change(Mentors, FigurePart.Value, "1");
        time.Advance(TimeSpan.FromMilliseconds(900));
        model.Change(Mentors, FigurePart.Value, " 12 ");
        Assert.Equal("Изменения не сохранены…", model.SaveStatus);
        time.Advance(TimeSpan.FromMilliseconds(900));
        // 1.8 s after the first keystroke, 0.9 s after the last: the timer has not fired, so nothing can have been saved.
        Assert.Equal(SubmissionState.NotStarted, (await reports.GetAsync(campaign, school)).State);

        time.Advance(TimeSpan.FromMilliseconds(100));
        await TestModelHost.Until(() => host.Refreshes == 1);

        var saved = await reports.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.InProgress, 12m), (saved.State, saved.Values[IndicatorCatalogue.TeacherMentors].Value));
        Assert.Equal((SubmissionState.InProgress, "Черновик сохранён в 10:05:01"), (model.State, model.SaveStatus));
        Assert.Equal("12", confirmed.Single()[ReportFormModel.Key(Mentors, FigurePart.Value)]);
    }

    /// <summary>
    /// A keystroke handled while the draft before it is being written (the circuit is free while the save awaits the
    /// database): that save must not be reported as «сохранён», and the keystroke's own draft follows.
    /// </summary>
    [Fact]
    public async Task TypingThatArrivesWhileADraftIsWritten_IsNotCalledSaved_AndIsSavedByTheNextDraft()
    {
        var factory = new TypingDuringSaveFactory(database.Factory);
        var (model, campaign, school, reports) = await OpenSchoolAsync(factory: factory);
        factory.TypeDuringNextSave = () => model.Change(Mentors, FigurePart.Value, "4");

        model.Change(Mentors, FigurePart.Value, "12");
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => confirmed.Count == 1);

        Assert.Equal("12", confirmed[0][ReportFormModel.Key(Mentors, FigurePart.Value)]);
        Assert.Equal(12m, (await reports.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal(("4", "Изменения не сохранены…"), (model.Text(Mentors, FigurePart.Value), model.SaveStatus));

        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => confirmed.Count == 2);
        Assert.Equal(4m, (await reports.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal("Черновик сохранён в 10:05:02", model.SaveStatus);
    }

    [Fact]
    public async Task AShareWithMoreParticipantsThanItsWhole_IsFlaggedAsTyped_AndASubmissionIsRefusedWithTheTypingKeptAsADraft()
    {
        var (model, campaign, school, reports) = await OpenSchoolAsync();
        var share = model.Form!.Indicators.First(i => i.Kind == IndicatorKind.Share);
        TypeEverything(model);

        model.Change(share, FigurePart.Whole, "10");
        model.Change(share, FigurePart.Part, "20");

        var message = Assert.Single(model.Messages(share));
        Assert.True(model.IsInvalid(share, FigurePart.Part));
        Assert.False(model.IsInvalid(share, FigurePart.Whole));
        await model.SubmitAsync();
        Assert.Equal((true, "Данные не отправлены: проверьте 1 поле, отмеченное красным."), (model.SubmitFailed, model.SubmitMessage));
        Assert.Equal(message, Assert.Single(model.Messages(share)));
        var kept = await reports.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.InProgress, 10m), (kept.State, kept.Values[share.Code].Denominator));
        Assert.False(model.Busy);
    }

    [Fact]
    public async Task ASubmittedReport_StaysSubmitted_WhileLaterTypingIsADraftOfUnsentCorrections()
    {
        var (model, campaign, school, reports) = await OpenSchoolAsync();
        TypeEverything(model);

        await model.SubmitAsync();
        Assert.Equal("Данные отправлены в 10:05:00. Показатели организации, муниципалитета и региона обновлены.", model.SubmitMessage);
        Assert.Equal((SubmissionState.Submitted, false, null), (model.State, model.UnsentCorrections, model.SaveStatus));

        model.Change(Mentors, FigurePart.Value, "5");
        Assert.Null(model.SubmitMessage);
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => confirmed.Count == 2);
        Assert.Equal((SubmissionState.Submitted, true), (model.State, model.UnsentCorrections));
        var corrected = await reports.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.Submitted, true, 5m), (corrected.State, corrected.HasUnsentCorrections, corrected.Values[IndicatorCatalogue.TeacherMentors].Value));
    }

    [Fact]
    public async Task SomeoneElsesSave_IsAConflict_ThatKeepsTheTyping_UntilTheUserChoosesWhoseValuesStay()
    {
        var (model, campaign, school, _) = await OpenSchoolAsync();
        var admin = database.ReportsAs(Admin);
        var other = await admin.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await admin.SaveDraftAsync(campaign, school, new Dictionary<string, Figure> { [IndicatorCatalogue.TeacherMentors] = Figure.Count(3) }, other.Version));

        model.Change(Mentors, FigurePart.Value, "12");
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => model.Conflict is not null);

        Assert.Equal("12", model.Text(Mentors, FigurePart.Value));
        Assert.Null(model.SaveStatus);
        Assert.Empty(confirmed);
        await model.KeepMineAsync();
        Assert.Null(model.Conflict);
        Assert.Equal(12m, (await admin.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);

        // The other way round: the user takes the other person's values, and the form shows them.
        Assert.IsType<SaveOutcome.Saved>(await admin.SaveDraftAsync(campaign, school, new Dictionary<string, Figure> { [IndicatorCatalogue.TeacherMentors] = Figure.Count(4) },
            (await admin.GetAsync(campaign, school)).Version));
        model.Change(Mentors, FigurePart.Value, "13");
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => model.Conflict is not null);
        await model.DiscardMineAsync();
        Assert.Equal(("4", null), (model.Text(Mentors, FigurePart.Value), model.Conflict));
    }

    [Fact]
    public async Task MovingToAnotherOrganisation_SavesTheTypingToTheFormItWasTypedIn_AndNowhereElse()
    {
        var (model, campaign, school, reports) = await OpenSchoolAsync(Admin);
        var neighbour = await NeighbourAsync(school);

        model.Change(Mentors, FigurePart.Value, "7");
        await model.OpenAsync(campaign, neighbour);
        time.Advance(ReportFormModel.DraftDelay * 3);

        Assert.Equal(7m, (await reports.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);
        var untouched = await reports.GetAsync(campaign, neighbour);
        Assert.Equal(SubmissionState.NotStarted, untouched.State);
        // The neighbour's form shows its own values (carried over from its last round), not the typing.
        var carried = untouched.Values.GetValueOrDefault(IndicatorCatalogue.TeacherMentors).Value?.ToString("0") ?? "";
        Assert.NotEqual("7", carried);
        Assert.Equal(((campaign, neighbour), carried), (model.Loaded, model.Text(Mentors, FigurePart.Value)));
        Assert.Single(confirmed);
    }

    [Fact]
    public async Task TypingThisBrowserKept_ComesBack_IsCountedInWords_AndIsSavedAsADraft()
    {
        var (model, campaign, school, reports) = await OpenSchoolAsync();

        var restored = model.Restore(new Dictionary<string, string>
        {
            [ReportFormModel.Key(Mentors, FigurePart.Value)] = "9",
            ["no-such-field"] = "1",
        });

        Assert.Equal(1, restored);
        Assert.Equal("Восстановлено 1 значение, введённое в этом браузере, но не сохранённое на сервере из-за обрыва связи. Проверьте их: черновик сохраняется.",
            model.RestoredMessage);
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => confirmed.Count == 1);
        Assert.Equal(9m, (await reports.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal(0, model.Restore(new Dictionary<string, string> { [ReportFormModel.Key(Mentors, FigurePart.Value)] = "9" }));
    }

    /// <summary>
    /// Gone before the draft's reads, or while its changes are written (which EF Core reports as a DbUpdateException):
    /// either is an outage, never a conflict, and the typing waits in the form until the database answers.
    /// </summary>
    [Theory]
    [InlineData(Outage.NoConnection)]
    [InlineData(Outage.LostAtWrite)]
    public async Task AnUnreachableDatabase_KeepsTheTyping_IsNoConflict_AndTheDraftIsTriedAgainUntilItAnswers(Outage outage)
    {
        var factory = new SwitchableFactory(database.Factory);
        var (model, campaign, school, reports) = await OpenSchoolAsync(factory: factory);
        factory.Outage = outage;

        model.Change(Mentors, FigurePart.Value, "6");
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => model.SaveStatus?.StartsWith("Нет связи", StringComparison.Ordinal) == true);
        Assert.Equal("Нет связи с базой данных: изменения остались в форме, повторяем сохранение…", model.SaveStatus);
        Assert.Null(model.Conflict);
        Assert.Equal(("6", SubmissionState.NotStarted), (model.Text(Mentors, FigurePart.Value), model.State));

        factory.Outage = Outage.None;
        time.Advance(ReportFormModel.DraftRetry);
        await TestModelHost.Until(() => confirmed.Count == 1);
        Assert.Equal(6m, (await reports.GetAsync(campaign, school)).Values[IndicatorCatalogue.TeacherMentors].Value);
        Assert.Equal(SubmissionState.InProgress, model.State);
    }

    /// <summary>
    /// A submit that committed while its answer was lost (the connection went at the commit): the form does not say it
    /// was sent, and its next try, the draft's retry or the user's second click, finds it in the database and says it
    /// went through, instead of meeting the user's own submission as someone's conflicting change.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASubmitWhoseAnswerWasLostAfterItsCommit_IsFoundSentByItsNextTry_NotAConflictWithItself(bool clickedAgain)
    {
        var feed = new AnswerLosingFeed(database.Feed);
        var (model, campaign, school, reports) = await OpenSchoolAsync(feed: feed);
        TypeEverything(model);

        feed.LoseNextAnswer = true;
        await model.SubmitAsync();
        Assert.Equal((true, "Нет связи с базой данных: отправка не подтверждена, данные остались в форме. Когда связь вернётся, форма сохранит их и скажет, "
                            + "дошла ли отправка; если нет, нажмите «Отправить данные» ещё раз."), (model.SubmitFailed, model.SubmitMessage));
        Assert.Equal(SubmissionState.Submitted, (await reports.GetAsync(campaign, school)).State); // it did commit

        if (clickedAgain)
            await model.SubmitAsync();
        else
            time.Advance(ReportFormModel.DraftRetry);
        await TestModelHost.Until(() => confirmed.Count == 1);

        Assert.Null(model.Conflict);
        Assert.Equal((false, "Данные отправлены: связь с базой данных прерывалась, но отправка дошла. Показатели организации, муниципалитета и региона обновлены."),
            (model.SubmitFailed, model.SubmitMessage));
        Assert.Equal((SubmissionState.Submitted, false, null), (model.State, model.UnsentCorrections, model.SaveStatus));
        var stored = await reports.GetAsync(campaign, school);
        Assert.Equal((SubmissionState.Submitted, false), (stored.State, stored.HasUnsentCorrections));

        // The form goes on from the version it found: a correction is a draft of the submitted report, no conflict.
        model.Change(Mentors, FigurePart.Value, "5");
        time.Advance(ReportFormModel.DraftDelay);
        await TestModelHost.Until(() => confirmed.Count == 2);
        Assert.Equal((SubmissionState.Submitted, true, null), (model.State, model.UnsentCorrections, model.Conflict));
    }

    public enum Outage { None, NoConnection, LostAtWrite }

    private async Task<(ReportFormModel Model, int Campaign, int School, OrganisationReports Reports)> OpenSchoolAsync(
        System.Security.Claims.ClaimsPrincipal? user = null, IDbContextFactory<MentoringDbContext>? factory = null, IFigureChangeFeed? feed = null)
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var reports = database.ReportsAs(user ?? TestUsers.For(Mentoring.Dashboard.Security.Roles.Curator, region, city, school), factory, feed);
        var clock = new UserClock(new HttpContextAccessor(), new ConfigurationBuilder().Build(), time);
        var model = new ReportFormModel(reports, clock, time, host) { Saved = texts => { lock (confirmed) confirmed.Add(texts); return Task.CompletedTask; } };
        await model.OpenAsync(campaign, school);
        return (model, campaign, school, reports);
    }

    /// <summary>Every field typed in with a valid figure, as <see cref="Complete"/> gives them.</summary>
    private static void TypeEverything(ReportFormModel model)
    {
        foreach (var (code, figure) in Complete(model.Form!.Indicators))
        {
            var indicator = IndicatorCatalogue.Get(code);
            foreach (var part in ReportFormModel.Parts(indicator))
            {
                decimal? number = part switch
                {
                    FigurePart.Whole => figure.Denominator,
                    FigurePart.Part => figure.Numerator,
                    _ => figure.Value ?? figure.Numerator ?? figure.LevelCode,
                };
                model.Change(indicator, part, number?.ToString("0"));
            }
        }
    }

    private async Task<int> NeighbourAsync(int school)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        var city = await db.Organisations.Where(o => o.Id == school).Select(o => o.MunicipalityId).SingleAsync();
        return await db.Organisations.Where(o => o.MunicipalityId == city && o.Id != school).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
    }

    /// <summary>
    /// Loses the answer of the next committed write, as a connection that breaks at the commit does: the transaction is
    /// in the database, the writer gets an outage's exception (which this feed throws where the write learns it committed).
    /// </summary>
    private sealed class AnswerLosingFeed(RecordingFeed inner) : IFigureChangeFeed
    {
        public volatile bool LoseNextAnswer;
        public Task<FigureChange> AnnounceAsync(MentoringDbContext db, FigureChange change, CancellationToken ct = default) => inner.AnnounceAsync(db, change, ct);
        public void Committed(FigureChange announced)
        {
            if (LoseNextAnswer)
            {
                LoseNextAnswer = false;
                throw new NpgsqlException("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset));
            }
            inner.Committed(announced);
        }
        public void CommitUnconfirmed() => inner.CommitUnconfirmed();
        public long? VersionOf(int campaignId) => inner.VersionOf(campaignId);
        public long? RegionVersionOf(int regionId) => inner.RegionVersionOf(regionId);
        public IDisposable Subscribe(Action<FigureChange> handler) => inner.Subscribe(handler);
    }

    /// <summary>Runs <see cref="TypeDuringNextSave"/> once, as the next save's changes are about to be written.</summary>
    private sealed class TypingDuringSaveFactory(IDbContextFactory<MentoringDbContext> inner) : IDbContextFactory<MentoringDbContext>
    {
        public Action? TypeDuringNextSave;

        public MentoringDbContext CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.SavingChanges += (_, _) => Interlocked.Exchange(ref TypeDuringNextSave, null)?.Invoke();
            return db;
        }
    }

    /// <summary>The database's connection refused while <see cref="Down"/>, as when its server has stopped.</summary>
    private sealed class SwitchableFactory(IDbContextFactory<MentoringDbContext> inner) : IDbContextFactory<MentoringDbContext>
    {
        public volatile Outage Outage;

        public MentoringDbContext CreateDbContext()
        {
            if (Outage == Outage.NoConnection)
                throw Refused();
            var db = inner.CreateDbContext();
            // The reads before the write succeed; EF Core wraps a failure of the write's commands in a DbUpdateException.
            db.SavingChanges += (_, _) =>
            {
                if (Outage == Outage.LostAtWrite)
                    throw new DbUpdateException("An error occurred while saving the entity changes.", Refused());
            };
            return db;
        }

        private static NpgsqlException Refused() => new("connection refused", new SocketException((int)SocketError.ConnectionRefused));
    }
}
