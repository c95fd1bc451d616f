using System.Collections;
using System.Resources;
using Mentoring.Dashboard.Theme;

namespace Mentoring.Dashboard.Tests.Components;

public class RussianMudLocalizerTests
{
    [Fact]
    public void EveryTextOfMudBlazor_HasARussianTranslation()
    {
        // MudBlazor's English texts live in one embedded resource; an upgrade that adds a key fails here.
        var assembly = typeof(MudBlazor.MudDataGrid<>).Assembly;
        using var stream = assembly.GetManifestResourceStream("MudBlazor.Resources.LanguageResource.resources")!;
        using var reader = new ResourceReader(stream);
        var keys = reader.Cast<DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();

        Assert.Equal(keys, RussianMudLocalizer.Texts.Keys.Order());
    }

    [Fact]
    public void PagerTexts_AreRussian_WithArguments()
    {
        var localizer = new RussianMudLocalizer();

        Assert.Equal("Следующая страница", localizer["MudDataGridPager_NextPage"].Value);
        Assert.Equal("1–60 из 127", localizer["MudDataGridPager_InfoFormat", 1, 60, 127].Value);
        Assert.True(localizer["No_Such_Key"].ResourceNotFound);
    }
}
