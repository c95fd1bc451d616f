namespace Mentoring.Domain.Analysis;

public enum ChangeDirection
{
    Increase = 1,
    Decrease = 2,
    NoChange = 3,
}

/// <summary>
/// A figure in two campaigns: the change in percentage points for shares, in units for counts. Values are compared
/// as published (6,2 % against 9,1 %), without rounding.
/// </summary>
public sealed record ValueChange(decimal Before, decimal After)
{
    public decimal Delta => After - Before;

    public ChangeDirection Direction => Delta switch
    {
        > 0 => ChangeDirection.Increase,
        < 0 => ChangeDirection.Decrease,
        _ => ChangeDirection.NoChange,
    };

    /// <summary>True when the change goes the indicator's good way.</summary>
    public bool IsImprovement(bool higherIsBetter) =>
        Direction == (higherIsBetter ? ChangeDirection.Increase : ChangeDirection.Decrease);
}
