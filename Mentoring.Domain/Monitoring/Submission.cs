namespace Mentoring.Domain.Monitoring;

/// <summary>How far an organisation is with its figures in a campaign ("not started" is the absence of a submission).</summary>
public enum SubmissionState
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
}

/// <summary>
/// An organisation's report in a campaign: its state, the draft a curator is typing (kept server-side so that a
/// lost connection or a restart loses nothing), and a version that makes concurrent edits conflict instead of
/// overwriting each other. The submitted figures themselves are observations of the organisation.
/// </summary>
public sealed class Submission
{
    private Submission() { }

    public Submission(int campaignId, int organisationId)
    {
        CampaignId = campaignId;
        OrganisationId = organisationId;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int OrganisationId { get; private set; }
    public SubmissionState State { get; private set; } = SubmissionState.NotStarted;

    /// <summary>The draft values (JSON: indicator code → figure); null once submitted.</summary>
    public string? DraftJson { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Incremented by every save; the database refuses an update made from an older version.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Keeps what is being typed. A draft never changes a submitted report: it stays submitted, with its figures, and
    /// the corrections wait in the draft until they are submitted in turn.
    /// </summary>
    public void SaveDraft(string draftJson, string user, DateTimeOffset now)
    {
        DraftJson = draftJson;
        if (State != SubmissionState.Submitted)
            State = SubmissionState.InProgress;
        Touch(user, now);
    }

    /// <summary>A submitted report with corrections typed but not submitted yet.</summary>
    public bool HasUnsentCorrections => State == SubmissionState.Submitted && DraftJson is not null;

    public void Submit(string user, DateTimeOffset now)
    {
        DraftJson = null;
        State = SubmissionState.Submitted;
        SubmittedAt = now;
        Touch(user, now);
    }

    private void Touch(string user, DateTimeOffset now)
    {
        UpdatedBy = user;
        UpdatedAt = now;
        Version++;
    }
}
