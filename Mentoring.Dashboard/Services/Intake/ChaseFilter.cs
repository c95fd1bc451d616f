using Mentoring.Domain.Monitoring;

namespace Mentoring.Dashboard.Services.Intake;

/// <summary>Which reports «Кто не сдал» lists: by default those not sent yet (not started or in progress).</summary>
public static class ChaseFilter
{
    public const string Missing = "missing";

    /// <summary>The choices in the page's order: query value and its label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Choices =
    [
        (Missing, "не сдали"), ("notstarted", "не приступили"), ("inprogress", "заполняют"), ("submitted", "сдали"), ("all", "все"),
    ];

    /// <summary>A known choice, or <see cref="Missing"/> for anything else (a hand-typed «?show=» means the default).</summary>
    public static string Parse(string? value) => Choices.Any(c => c.Value == value) ? value! : Missing;

    public static bool Shows(string filter, SubmissionState state) => filter switch
    {
        "notstarted" => state == SubmissionState.NotStarted,
        "inprogress" => state == SubmissionState.InProgress,
        "submitted" => state == SubmissionState.Submitted,
        "all" => true,
        _ => state != SubmissionState.Submitted,
    };
}
