namespace Mentoring.Dashboard.Model;

/// <summary>
/// What a page model with work of its own (a debounced save, a timer) needs from the component that shows it: the
/// component's dispatcher, background work whose failure reaches the page, and a re-render. Components get it from
/// <see cref="Components.BackgroundWorkComponent"/>; unit tests give a plain one.
/// </summary>
public interface IModelHost
{
    /// <summary>Runs <paramref name="work"/> on the component's dispatcher, as its own event handlers run.</summary>
    Task InvokeAsync(Func<Task> work);

    /// <summary>Starts work nobody awaits; a failure other than a cancellation goes to the page's error boundary.</summary>
    void RunInBackground(Func<Task> work);

    /// <summary>The model changed outside an event handler: render it.</summary>
    void Refresh();
}
