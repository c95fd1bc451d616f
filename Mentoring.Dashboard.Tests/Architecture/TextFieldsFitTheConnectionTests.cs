using System.Text.RegularExpressions;
using Mentoring.Dashboard.Tests.Infrastructure;

namespace Mentoring.Dashboard.Tests.Architecture;

/// <summary>
/// A live page's input travels over its connection, whose messages are limited to 32 KB: a paste of 16 000 Cyrillic
/// letters once dropped the connection and the value with it, in silence. So every text field of an interactive page
/// carries a maxlength (the browser then cuts a paste to it, visibly), and every maxlength fits the limit even in
/// four-byte characters.
/// </summary>
public sealed partial class TextFieldsFitTheConnectionTests
{
    private const int MessageLimitBytes = 32 * 1024;

    // The sign-in page is a plain form post (no connection); a read-only text area is never sent.
    private static readonly string[] NotOverTheConnection = ["Login.razor"];

    [Fact]
    public void EveryTextFieldHasAMaxLength_ThatFitsTheConnectionsMessageLimit()
    {
        var components = Path.Combine(DashboardApp.SolutionFolder(), "Mentoring.Dashboard", "Components");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories))
        {
            if (NotOverTheConnection.Contains(Path.GetFileName(file)))
                continue;
            foreach (Match field in TextField().Matches(File.ReadAllText(file)))
            {
                var tag = field.Value;
                if (tag.Contains(" readonly", StringComparison.Ordinal))
                    continue;
                if (!tag.Contains("maxlength=", StringComparison.Ordinal))
                    offenders.Add($"{Path.GetFileName(file)}: {tag[..Math.Min(tag.Length, 90)]}");
            }
        }
        Assert.True(offenders.Count == 0, "Text fields without maxlength:\n" + string.Join("\n", offenders));
        // The largest limits the fields name, in four-byte characters plus the message's own envelope.
        foreach (var limit in new[] { Services.Presentation.DeckLayout.MaxTextLength, Services.Presentation.DeckStore.MaxNameLength, Services.UserAdministration.MaxDisplayName, Services.PlanAdministration.MaxSourceLength })
            Assert.True(limit * 4 + 1024 < MessageLimitBytes, $"maxlength {limit} can exceed the connection's message limit");
    }

    /// <summary>Text inputs (no type, or type text, password, email, search) and text areas, as written in markup.</summary>
    [GeneratedRegex("""<(?:textarea|InputText|InputTextArea|input)\b(?![^>]*type="(?:number|date|checkbox|radio|file|hidden|submit|button)")[^>]*>""")]
    private static partial Regex TextField();
}
