using Mentoring.Domain.Monitoring;

namespace Mentoring.Domain.Analysis;

/// <summary>
/// Rules that hold a report's statements (<see cref="SourceStatement"/>) against its own figures and dates. Each returns
/// whether the report contradicts itself; the caller words it.
/// </summary>
public static class StatementChecks
{
    /// <summary>
    /// A date that cannot be right for a report as of <paramref name="asOf"/>: approved before it (Stary Oskol's report
    /// as of 01.06.2022 «рассмотрена» on 03.03.2022), or a stage of its monitoring held after it (Krasnoyarsk's).
    /// </summary>
    public static bool IsImpossibleDate(StatementKind kind, DateOnly date, DateOnly asOf) => kind switch
    {
        StatementKind.ApprovedOn => date < asOf,
        StatementKind.HeldOn => date > asOf,
        _ => false,
    };

    /// <summary>The figures' changes that go the other way than the text claims (growth where it says «снижение»).</summary>
    public static IReadOnlyList<ValueChange> Contradicting(ChangeDirection claimed, IEnumerable<ValueChange> changes) =>
        changes.Where(c => c.Direction != ChangeDirection.NoChange && c.Direction != claimed).ToList();

    /// <summary>The same figure printed twice: differently when the two printed values differ.</summary>
    public static bool PrintedDifferently(decimal printedHere, decimal printedThere) => printedHere != printedThere;
}
