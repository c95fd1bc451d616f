using System.Net;
using System.Net.Sockets;
using Mentoring.Dashboard.Data;
using Mentoring.Dashboard.Tests.Infrastructure;
using Npgsql;

namespace Mentoring.Dashboard.Tests.Data;

/// <summary>An unreachable database is told apart from a statement's own error: only the first keeps sessions and retries.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task AServerThatIsNotThere_IsAnOutage_AndTheProbeSaysSo()
    {
        var closedPort = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=2";
        await using var connection = new NpgsqlConnection(closedPort);
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.True(DatabaseOutage.Is(refused));
        Assert.True(DatabaseOutage.Is(new InvalidOperationException("EF Core's transient wrapper", refused)));
        Assert.False(await new DatabaseProbe(new DatabaseSettings(DatabaseProvider.PostgreSql, closedPort)).AnswersAsync());
    }

    [Fact]
    public async Task AStatementThatFailsOnAServerThatAnswers_IsNoOutage()
    {
        var server = await LocalPostgreSql.SharedAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.False(DatabaseOutage.Is(error));
        Assert.True(await new DatabaseProbe(new DatabaseSettings(DatabaseProvider.PostgreSql, server.ConnectionString("postgres"))).AnswersAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // nothing listens once it is stopped
    }
}
