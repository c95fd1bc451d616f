using System.Globalization;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Intake;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Indicators;
using Mentoring.Domain.Monitoring;
using Npgsql;
using static Mentoring.Dashboard.Tests.Intake.IntakeTestData;

namespace Mentoring.Dashboard.Tests.Intake;

/// <summary>
/// A curator's submission and an import meeting on one report at the same moment, made deterministic: another session
/// changes the report and holds its row while the write under test reads the old version and then waits for that row.
/// Whoever comes second is told, with nothing written, as two curators are.
/// </summary>
public sealed class ConcurrentWritesOnPostgreSqlTests(PostgreSqlSeededDatabase database) : IClassFixture<PostgreSqlSeededDatabase>
{
    [Fact]
    public async Task ASubmissionMeetingAnImportsWrite_IsAConflictTheCuratorIsTold_WithNothingWritten()
    {
        var (campaign, region, city, school) = await SchoolWithDraftAsync();
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);

        var outcome = await WhileTheReportIsChangedElsewhereAsync(campaign, school,
            () => curator.SubmitAsync(campaign, school, Complete(form.Indicators), form.Version));

        var conflict = Assert.IsType<SaveOutcome.Conflict>(outcome.Result);
        Assert.Equal("импорт (другой сеанс)", conflict.UpdatedBy);
        Assert.Equal(outcome.OnlyTheOtherSessionsWrite, await FingerprintAsync(database));
    }

    [Fact]
    public async Task AnImportMeetingASubmissionsWrite_IsRefusedInRussian_WithNothingWritten()
    {
        var (campaign, _, city, school) = await SchoolWithDraftAsync();
        var file = Csv($"""
            {IntakeColumns.Name};Педагоги-наставники, чел.
            СШ № 50;12
            """);
        var import = database.ImportAs(Admin);
        var preview = await import.PreviewAsync(campaign, city, file, "наставники.csv");

        var outcome = await WhileTheReportIsChangedElsewhereAsync(campaign, school,
            () => import.CommitAsync(campaign, city, file, "наставники.csv", preview.ReportVersions));

        Assert.Equal("Пока шла загрузка, данные организаций из файла изменились. Ничего не записано: загрузите файл ещё раз, "
                     + "чтобы увидеть изменения относительно новых данных.", outcome.Result.Refusal);
        Assert.Equal(outcome.OnlyTheOtherSessionsWrite, await FingerprintAsync(database));
    }

    private async Task<(int Campaign, int Region, int City, int School)> SchoolWithDraftAsync()
    {
        var (campaign, region, city) = await CollectingCampaignAsync(database);
        var school = await database.OrganisationIdAsync("СШ № 50", City);
        var curator = database.ReportsAs(TestUsers.For(Roles.Curator, region, city, school));
        var form = await curator.GetAsync(campaign, school);
        Assert.IsType<SaveOutcome.Saved>(await curator.SaveDraftAsync(campaign, school, Complete(form.Indicators), form.Version));
        return (campaign, region, city, school);
    }

    /// <summary>
    /// Another session saves the report (a new version, uncommitted, its row locked); the write under test starts, reads
    /// the committed version and blocks on the row; the other session commits; the write under test ends.
    /// </summary>
    private async Task<(T Result, string OnlyTheOtherSessionsWrite)> WhileTheReportIsChangedElsewhereAsync<T>(
        int campaign, int school, Func<Task<T>> write)
    {
        // The fingerprint ends with the sum of report versions: the other session adds one, and nothing else may change.
        var before = (await FingerprintAsync(database)).Split('/');
        before[^1] = (long.Parse(before[^1], CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.Settings.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var change = new NpgsqlCommand("""
            UPDATE "Submissions" SET "Version" = "Version" + 1, "UpdatedBy" = 'импорт (другой сеанс)'
            WHERE "CampaignId" = @c AND "OrganisationId" = @o
            """, other, transaction))
        {
            change.Parameters.AddWithValue("c", campaign);
            change.Parameters.AddWithValue("o", school);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }

        var writing = write();
        await WaitUntilASessionWaitsForARowAsync();
        await transaction.CommitAsync();
        return (await writing.WaitAsync(TimeSpan.FromSeconds(30)), string.Join('/', before));
    }

    private async Task WaitUntilASessionWaitsForARowAsync()
    {
        await using var probe = new NpgsqlConnection(database.Settings.ConnectionString);
        await probe.OpenAsync();
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(20))
        {
            await using var query = new NpgsqlCommand("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", probe);
            if ((long)(await query.ExecuteScalarAsync())! > 0)
                return;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "The write under test never waited for the report's row.");
        }
    }
}
