using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services.Analytics;
using Mentoring.Dashboard.Tests.Infrastructure;
using Mentoring.Domain.Planning;
using static Mentoring.Domain.Indicators.IndicatorCatalogue;

namespace Mentoring.Dashboard.Tests.Analytics;

public abstract class PlanProgressTests(SeededDatabase database)
{
    private async Task<IReadOnlyList<PlanSeries>> TomskAsync() =>
        await new PlanProgress(database.ScopedAs(TestUsers.For(Roles.Administrator)), database.Queries).GetAsync(await database.RegionIdAsync("tomsk"));

    [Fact]
    public async Task Tomsk_Indicator1_5156PercentIn2023_AchievesThePlanOf50()
    {
        var series = (await TomskAsync()).Single(s => s.Indicator.Code == ProgrammeStudents511);

        Assert.Equal(51.56m, series.Latest!.Value);
        Assert.Equal(50m, series.PlanOfLatestYear);
        Assert.True(series.LatestMeetsPlan);
        Assert.Equal(3, series.Facts.Count);
        Assert.Equal((2024, 70m), series.FinalTarget);
        Assert.Equal(103.12m, Math.Round(series.Fulfilment!.Value, 2));
        // Fast growth since 2020, but the line through the three facts ends 8,2 п.п. short of 70 %.
        Assert.Equal(ProgressStatus.AccelerationNeeded, series.Assessment.Status);
        Assert.Equal("8,2\u00A0п.п.", ProgressText.Gap(series, series.GapToTarget!.Value));
    }

    [Fact]
    public async Task Tomsk_Indicator2_3844PercentIn2023_IsBehindThePlanOf50()
    {
        var series = (await TomskAsync()).Single(s => s.Indicator.Code == ProgrammeStudentsSupplementary);

        Assert.Equal(38.44m, series.Latest!.Value);
        Assert.False(series.LatestMeetsPlan);
        Assert.Equal(ProgressStatus.AccelerationNeeded, series.Assessment.Status);
        Assert.Equal("21,9\u00A0п.п.", ProgressText.Gap(series, series.GapToTarget!.Value)); // forecast for 2024 short of 70 %
    }

    [Fact]
    public async Task Tomsk_Enterprises_208AgainstTarget30_IsAchieved_AndFormsTargetsUseAllOrganisations()
    {
        var all = await TomskAsync();

        Assert.Equal(ProgressStatus.TargetAchieved, all.Single(s => s.Indicator.Code == ProgrammeEnterprises).Assessment.Status);
        var teacherStudent = all.Single(s => s.Indicator.Code == FormTeacherStudent);
        // 236 + 45 of 292 + 63 organisations in June 2023, against 90 % by 1 January 2024.
        Assert.Equal(Math.Round(281m / 355 * 100, 4), Math.Round(teacherStudent.Latest!.Value, 4));
        Assert.Equal(90m, teacherStudent.FinalTarget.Target);
    }

    [Fact]
    public async Task TargetYear_ComesFromThePlans_NotFromText()
    {
        var tomsk = await TomskAsync();

        Assert.Equal("до 2024 года", ProgressText.UntilTargetYear(tomsk));
        // The forms' plans of Tomsk end a year earlier than the programme's.
        Assert.Equal("до 2023 года", ProgressText.UntilTargetYear(tomsk.Where(s => s.Indicator.Group == Mentoring.Domain.Indicators.IndicatorGroup.Forms)));
        Assert.Equal("", ProgressText.UntilTargetYear([]));
    }
}

[Collection(SqliteDatabaseCollection.Name)]
public sealed class PlanProgressOnSqlite(SqliteSeededDatabase database) : PlanProgressTests(database);

[Collection(PostgreSqlDatabaseCollection.Name)]
public sealed class PlanProgressOnPostgreSql(PostgreSqlSeededDatabase database) : PlanProgressTests(database);
