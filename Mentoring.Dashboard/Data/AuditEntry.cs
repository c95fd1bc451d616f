namespace Mentoring.Dashboard.Data;

/// <summary>What happened, as recorded in the audit log.</summary>
public static class AuditActions
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string UserCreated = "UserCreated";
    public const string UserUpdated = "UserUpdated";
    public const string UserLocked = "UserLocked";
    public const string UserUnlocked = "UserUnlocked";
    public const string PasswordReset = "PasswordReset";
    public const string PasswordChanged = "PasswordChanged";
    public const string DataChanged = "DataChanged";
    public const string ProfileChanged = "ProfileChanged";

    public static readonly IReadOnlyList<string> All =
        [SignIn, SignInFailed, LockedOut, SignOut, UserCreated, UserUpdated, UserLocked, UserUnlocked, PasswordReset, PasswordChanged, DataChanged, ProfileChanged];

    public static string DisplayName(string action) => action switch
    {
        SignIn => "Вход",
        SignInFailed => "Неудачный вход",
        LockedOut => "Блокировка после неудачных входов",
        SignOut => "Выход",
        UserCreated => "Создан пользователь",
        UserUpdated => "Изменены роль или территория",
        UserLocked => "Пользователь заблокирован",
        UserUnlocked => "Пользователь разблокирован",
        PasswordReset => "Пароль сброшен администратором",
        PasswordChanged => "Пароль изменён пользователем",
        DataChanged => "Изменение данных",
        ProfileChanged => "Профиль изменён пользователем",
        _ => action,
    };
}

/// <summary>One audit record: who did what to what, when, and from where. Never updated or deleted by the app.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The acting user's name (e-mail), or the name typed at a failed sign-in.</summary>
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>What the action was about: a user, a territory, a record.</summary>
    public string Target { get; set; } = "";
    public string Details { get; set; } = "";
    public string IpAddress { get; set; } = "";
}
