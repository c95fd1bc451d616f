using Mentoring.Dashboard.Components.Charts;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Model;
using Mentoring.Dashboard.Security;
using Microsoft.AspNetCore.Components;

namespace Mentoring.Dashboard.Components.Pages;

public partial class RegionPage
{
    [Inject] public required RegionPageModels Models { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [Parameter] public int Id { get; set; }
    [SupplyParameterFromQuery(Name = "campaign")] public string? CampaignIdQuery { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorCode { get; set; }
    [SupplyParameterFromQuery(Name = "trend")] public string? TrendCode { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string? KindName { get; set; }
    [SupplyParameterFromQuery(Name = "group")] public string? GroupName { get; set; }
    [SupplyParameterFromQuery(Name = "focus")] public string? FocusIdQuery { get; set; }

    /// <summary>Shared with every circuit showing the same state to a user of the same scope; only rendered here.</summary>
    private RegionPageModel? model;
    private bool denied;

    private IReadOnlyList<Breadcrumbs.Crumb> Crumbs => [new("Регионы", "/"), new(model!.Region.Name)];

    private RegionPageQuery Query => new(Id, QueryValue.Int(CampaignIdQuery), IndicatorCode, TrendCode, KindName, GroupName, QueryValue.Int(FocusIdQuery));

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            model = await Models.GetAsync(Query);
            denied = false;
        }
        catch (TerritoryAccessDeniedException)
        {
            denied = true;
            model = null;
        }
    }

    private void OnRankingClicked(ChartPoint point)
    {
        if (model!.Rows.FirstOrDefault(r => r.Name == point.Category) is { } clicked)
            Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("focus", clicked.Id == model.Focus?.Id ? null : clicked.Id));
    }

    private void PutInUrl(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(name, string.IsNullOrEmpty(value) ? null : value));

    private string WithoutFilter(string name) => Navigation.GetUriWithQueryParameter(name, (string?)null);

    private void SelectTrend(string code) => PutInUrl("trend", code);

    private void SelectIndicator(string code) => PutInUrl("indicator", code);
}
