using System.Text;

namespace Mentoring.Dashboard.Services;

/// <summary>
/// Text a user types, cleaned where it enters: control characters (Word's Shift+Enter is U+000B) and characters XML
/// forbids never reach a saved title, name or note, so no .xlsx or .pptx that prints them can fail on them.
/// </summary>
public static class InputText
{
    /// <summary>A title or a name: one line, every control character a space, runs of spaces one, trimmed.</summary>
    public static string Line(string? text) => Collapse(Clean(text, keepLineBreaks: false));

    /// <summary>Notes: line breaks kept (as «\n»), any other control character a space, trimmed.</summary>
    public static string Lines(string? text) => Clean((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal), keepLineBreaks: true).Trim();

    /// <summary>
    /// Any text on its way into an .xlsx or .pptx, as a last guard for text saved before it was cleaned where it entered:
    /// tabs and line breaks kept, every other character XML forbids a space.
    /// </summary>
    public static string XmlSafe(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            ? Clean(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\t', ' '), keepLineBreaks: true)
            : text;

    private static string Clean(string? text, bool keepLineBreaks)
    {
        var result = new StringBuilder((text ?? "").Length);
        var value = text ?? "";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                result.Append(c).Append(value[++i]);
                continue;
            }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
                continue; // half a character, or a non-character: neither can be written to XML
            result.Append(c switch
            {
                '\n' when keepLineBreaks => '\n',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }
        return result.ToString();
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
            if (c != ' ' || result.Length > 0 && result[^1] != ' ')
                result.Append(c);
        return result.ToString().Trim();
    }
}
