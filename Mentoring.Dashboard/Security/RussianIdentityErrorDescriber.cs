using Microsoft.AspNetCore.Identity;

namespace Mentoring.Dashboard.Security;

/// <summary>Identity's messages in Russian, for the ones a user can meet.</summary>
public sealed class RussianIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Не удалось выполнить операцию.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Адрес {email} уже используется.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Пользователь {userName} уже существует.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Адрес «{email}» не является адресом электронной почты.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Имя «{userName}» недопустимо.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Неверный текущий пароль.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Ссылка устарела, повторите операцию.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"Пароль должен содержать не менее {length} символов.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Пароль должен содержать хотя бы один знак, не являющийся буквой или цифрой.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Пароль должен содержать хотя бы одну цифру.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Пароль должен содержать хотя бы одну строчную букву.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Пароль должен содержать хотя бы одну прописную букву.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"Пароль должен содержать не менее {uniqueChars} разных символов.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "У пользователя уже есть эта роль.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
