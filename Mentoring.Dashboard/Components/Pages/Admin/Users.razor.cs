using System.ComponentModel.DataAnnotations;
using Mentoring.Dashboard.Components.Controls;
using Mentoring.Dashboard.Security;
using Mentoring.Dashboard.Services;

namespace Mentoring.Dashboard.Components.Pages.Admin;

public partial class Users
{
    private static readonly IReadOnlyList<Breadcrumbs.Crumb> crumbs = [new("Регионы", "/"), new("Пользователи")];

    private IReadOnlyList<UserListItem> users = [];
    private IReadOnlyList<TerritoryOption> regions = [];
    private IReadOnlyList<TerritoryOption> municipalities = [];
    private IReadOnlyList<TerritoryOption> organisations = [];
    private UserForm form = new();
    private string? editingId;
    private string? resettingId;
    private string resetPassword = "";
    private string? message;
    private List<string> errors = [];
    private bool busy;
    private string? search;

    private static string RoleName(UserListItem user) => user.Role is null ? "" : Roles.DisplayName(user.Role);

    private bool Matches(UserListItem user) => string.IsNullOrWhiteSpace(search)
        || new[] { user.Email, user.DisplayName, user.Territory }.Any(t => t.Contains(search, StringComparison.CurrentCultureIgnoreCase));

    protected override async Task OnInitializedAsync()
    {
        users = await Admin.ListAsync();
        regions = await Admin.RegionsAsync();
    }

    private async Task SaveAsync()
    {
        busy = true;
        var input = new UserInput(form.Email, form.DisplayName, form.Role, form.RegionId, form.MunicipalityId, form.OrganisationId);
        OperationResult result;
        if (editingId is null)
        {
            if (string.IsNullOrEmpty(form.Password))
            {
                Report(OperationResult.Fail("Укажите начальный пароль."), "");
                busy = false;
                return;
            }
            result = await Admin.CreateAsync(input, form.Password);
        }
        else
            result = await Admin.UpdateAsync(editingId, input);
        Report(result, editingId is null ? $"Пользователь {form.Email} создан." : $"Изменения пользователя {form.Email} сохранены.");
        if (result.Succeeded)
        {
            form = new UserForm();
            editingId = null;
            users = await Admin.ListAsync();
        }
        busy = false;
    }

    private async Task EditAsync(UserListItem user)
    {
        editingId = user.Id;
        message = null;
        form = new UserForm
        {
            Email = user.Email, DisplayName = user.DisplayName, Role = user.Role ?? "",
            RegionId = user.RegionId, MunicipalityId = user.MunicipalityId, OrganisationId = user.OrganisationId,
        };
        municipalities = user.RegionId is { } r ? await Admin.MunicipalitiesAsync(r) : [];
        organisations = user.MunicipalityId is { } m ? await Admin.OrganisationsAsync(m) : [];
    }

    private void Cancel()
    {
        editingId = null;
        form = new UserForm();
    }

    private async Task ToggleLockAsync(UserListItem user)
    {
        Report(await Admin.SetLockedAsync(user.Id, !user.IsLocked), user.IsLocked ? $"{user.Email} разблокирован." : $"{user.Email} заблокирован.");
        users = await Admin.ListAsync();
    }

    private void StartReset(UserListItem user)
    {
        resettingId = user.Id;
        resetPassword = "";
    }

    private async Task ResetAsync(UserListItem user)
    {
        var result = await Admin.ResetPasswordAsync(user.Id, resetPassword);
        Report(result, $"Пароль {user.Email} изменён.");
        if (result.Succeeded)
            resettingId = null;
        resetPassword = "";
    }

    private void OnRoleChanged()
    {
        form.MunicipalityId = null;
        form.OrganisationId = null;
    }

    private async Task OnRegionChangedAsync()
    {
        form.MunicipalityId = null;
        form.OrganisationId = null;
        municipalities = form.RegionId is { } r ? await Admin.MunicipalitiesAsync(r) : [];
    }

    private async Task OnMunicipalityChangedAsync()
    {
        form.OrganisationId = null;
        organisations = form.MunicipalityId is { } m ? await Admin.OrganisationsAsync(m) : [];
    }

    private void Report(OperationResult result, string success)
    {
        errors = result.Errors.ToList();
        message = result.Succeeded ? success : "Не сохранено:";
    }

    private sealed class UserForm
    {
        [Required(ErrorMessage = "Укажите электронную почту.")]
        [EmailAddress(ErrorMessage = "Укажите адрес электронной почты.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Укажите имя или должность.")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Выберите роль.")]
        public string Role { get; set; } = "";

        public int? RegionId { get; set; }
        public int? MunicipalityId { get; set; }
        public int? OrganisationId { get; set; }
        public string Password { get; set; } = "";
    }
}
