namespace Mentoring.Dashboard.Services;

/// <summary>
/// How many organisations of a slice (kind, group of municipalities) the territory has in the register, and whether
/// the demo generator made any of them up: the denominator a published "N organisations" is read against.
/// </summary>
public sealed record Register(int Organisations, bool IsSynthetic);
