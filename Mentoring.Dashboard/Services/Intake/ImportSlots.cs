namespace Mentoring.Dashboard.Services.Intake;

/// <summary>
/// How many imports read workbooks at once: one per user, <see cref="PerServer"/> per server (each may read up to
/// 10 MB of spreadsheet on a two-core machine). One more is answered at once with a Russian message, not queued.
/// </summary>
public sealed class ImportSlots
{
    public const int PerServer = 2;

    public const string BusyForUser = "Ваша предыдущая загрузка ещё проверяется: дождитесь её результата и загрузите файл снова.";
    public const string BusyForServer = "Сервер сейчас проверяет другие загрузки: повторите через минуту.";

    /// <summary>
    /// How long reading one file may take before it is refused: a safety net under the reader's limits (every file of
    /// the hostile corpus is refused within 5 s), so no upload holds a slot and a processor for minutes.
    /// </summary>
    public TimeSpan ReadingBudget { get; init; } = TimeSpan.FromSeconds(30);

    private readonly object gate = new();
    private readonly HashSet<string> users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A slot to dispose when the import ends, or the reason there is none.</summary>
    public (IDisposable? Slot, string? Refusal) TryEnter(string user)
    {
        lock (gate)
        {
            if (users.Contains(user))
                return (null, BusyForUser);
            if (users.Count >= PerServer)
                return (null, BusyForServer);
            users.Add(user);
            return (new Slot(this, user), null);
        }
    }

    private void Leave(string user)
    {
        lock (gate)
            users.Remove(user);
    }

    private sealed class Slot(ImportSlots slots, string user) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                slots.Leave(user);
        }
    }
}
