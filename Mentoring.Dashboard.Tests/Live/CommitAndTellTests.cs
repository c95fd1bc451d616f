using System.Net.Sockets;
using Mentoring.Dashboard.Services.Live;
using Mentoring.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Mentoring.Dashboard.Tests.Live;

/// <summary>How a write's commit reaches this instance's listeners, whether its answer comes back or not.</summary>
public sealed class CommitAndTellTests
{
    private static readonly FigureChange Change = new(1, 2, new HashSet<int> { 3 }, new HashSet<int> { 4 }) { Version = 5 };

    [Fact]
    public async Task ACommitThatAnswers_IsToldToTheListeners()
    {
        var feed = new RecordingFeed();

        await feed.CommitAndTellAsync(new OneCommit(null), Change);

        Assert.Equal((Change, 0), (Assert.Single(feed.Published), feed.Unconfirmed));
    }

    [Fact]
    public async Task ACommitWhoseAnswerIsLost_IsCheckedWithTheDatabase_AndTheOutageReachesTheCaller()
    {
        var feed = new RecordingFeed();
        var lost = new NpgsqlException("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset));

        Assert.Same(lost, await Assert.ThrowsAsync<NpgsqlException>(() => feed.CommitAndTellAsync(new OneCommit(lost), Change)));

        Assert.Equal((0, 1), (feed.Published.Count, feed.Unconfirmed));
    }

    [Fact]
    public async Task ACommitRefusedByTheDatabase_IsNoOutage_AndNothingIsTold()
    {
        var feed = new RecordingFeed();
        var refused = new InvalidOperationException("serialization failure");

        await Assert.ThrowsAsync<InvalidOperationException>(() => feed.CommitAndTellAsync(new OneCommit(refused), Change));

        Assert.Equal((0, 0), (feed.Published.Count, feed.Unconfirmed));
    }

    /// <summary>A transaction whose commit answers, or throws what the connection threw.</summary>
    private sealed class OneCommit(Exception? fails) : IDbContextTransaction
    {
        public Guid TransactionId { get; } = Guid.NewGuid();
        public void Commit() => throw new NotSupportedException();
        public Task CommitAsync(CancellationToken cancellationToken = default) => fails is null ? Task.CompletedTask : Task.FromException(fails);
        public void Rollback() => throw new NotSupportedException();
        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
