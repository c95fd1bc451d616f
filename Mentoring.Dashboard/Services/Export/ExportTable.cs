namespace Mentoring.Dashboard.Services.Export;

/// <summary>
/// A table as the user sees it (Russian headers, the same figures), ready to be written as .csv or .xlsx.
/// Cells are strings or numbers; numbers stay numbers in .xlsx so that Excel can sum them.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>A file name from the title: letters, digits and dashes only (Cyrillic kept).</summary>
    public string FileName(string extension)
    {
        var safe = new string(Title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        while (safe.Contains("--", StringComparison.Ordinal))
            safe = safe.Replace("--", "-", StringComparison.Ordinal);
        return $"{safe.Trim('-')}.{extension}";
    }
}
