using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mentoring.Dashboard.Components;

/// <summary>
/// A component that starts work of its own (a feed's callback, a timer, a debounced save) runs it through
/// <see cref="RunInBackground"/>, so a failure reaches the page's error boundary — a Russian message, the circuit kept —
/// instead of vanishing in a discarded task.
/// </summary>
public abstract class BackgroundWorkComponent : ComponentBase, Model.IModelHost
{
    protected void RunInBackground(Func<Task> work) => _ = RunAsync(work);

    void Model.IModelHost.RunInBackground(Func<Task> work) => RunInBackground(work);

    Task Model.IModelHost.InvokeAsync(Func<Task> work) => InvokeAsync(work);

    void Model.IModelHost.Refresh() => StateHasChanged();

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException)
        {
            // Cancelled on purpose: a newer keystroke, a closed page.
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone; nobody is left to tell.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    }
}
