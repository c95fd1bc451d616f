using Mentoring.Domain.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mentoring.Dashboard.Data;

/// <summary>
/// Writes new observations inside the caller's transaction at the database's own speed: on SQLite one prepared INSERT
/// reused for every row, on PostgreSQL one binary COPY (a prepared INSERT there would cost a network round trip per
/// row). EF Core's SaveChanges tracks and inserts them one by one (≈10 000 rows/s here: 35 s for a 10 000-school
/// import, most of the cold start for the demo seed). The table, the columns and the conversions (enums, decimals as
/// TEXT on SQLite) come from the EF model, so it cannot drift from the mapping.
/// Foreign keys are read from the navigations, which must be saved (have their ids) by then.
/// </summary>
public static class ObservationInserter
{
    public static async Task InsertAsync(MentoringDbContext db, IReadOnlyCollection<Observation> observations, CancellationToken ct = default)
    {
        if (observations.Count == 0)
            return;
        // Past SaveChanges, so the context's region check is made here (see MentoringDbContext.LimitTo).
        if (observations.Any(o => !db.Reaches(o.RegionId)))
            throw new Security.TerritoryAccessDeniedException();
        var entity = db.Model.FindEntityType(typeof(Observation))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(Column.Of).ToList();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await CopyAsync(postgres, table, columns, observations, ct);
                return;
            }
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""))}) "
                                  + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, c.Property.IsNullable)).ToList();
            command.Parameters.AddRange(parameters.ToArray());
            await command.PrepareAsync(ct);
            foreach (var observation in observations)
            {
                for (var i = 0; i < columns.Count; i++)
                    parameters[i].Value = columns[i].ProviderValue(observation) ?? DBNull.Value;
                // Microsoft.Data.Sqlite runs synchronously anyway; the async call would only add a task per row.
                command.ExecuteNonQuery();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, StoreObjectIdentifier table, List<Column> columns,
        IReadOnlyCollection<Observation> observations, CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Property.GetColumnName(table)}\""));
        await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var observation in observations)
        {
            await copy.StartRowAsync(ct);
            foreach (var column in columns)
            {
                if (column.ProviderValue(observation) is { } value)
                    await copy.WriteAsync(value, column.Mapping.StoreType, ct);
                else
                    await copy.WriteNullAsync(ct);
            }
        }
        await copy.CompleteAsync(ct);
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, IForeignKey? ForeignKey)
    {
        public static Column Of(IProperty property) =>
            new(property, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.GetContainingForeignKeys().FirstOrDefault());

        /// <summary>The column's value as the database stores it; a foreign key is the id of the referenced entity.</summary>
        public object? ProviderValue(Observation observation)
        {
            var value = ForeignKey?.DependentToPrincipal?.GetGetter().GetClrValue(observation) is { } principal
                ? ForeignKey.PrincipalKey.Properties[0].GetGetter().GetClrValue(principal)
                : Property.GetGetter().GetClrValue(observation);
            var converter = Mapping.Converter ?? Property.GetValueConverter();
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
