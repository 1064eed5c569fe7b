using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Rules.Refusals;

namespace Procurement.ServiceDefaults.Tests;

/// <summary>A shelf whose name is unique; each book stands on one shelf (a foreign key).</summary>
public sealed class Shelf
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public int Version { get; set; }
}

public sealed class Book
{
    public Guid Id { get; set; }

    public Guid ShelfId { get; set; }
}

public sealed class ShelfDb(DbContextOptions<ShelfDb> options) : DbContext(options)
{
    public DbSet<Shelf> Shelves => Set<Shelf>();

    public DbSet<Book> Books => Set<Book>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Shelf>().HasIndex(s => s.Name).IsUnique();
        modelBuilder.Entity<Shelf>().Property(s => s.Version).IsConcurrencyToken();
        modelBuilder.Entity<Book>().HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
    }
}

public sealed class Saving_where_another_request_may_win_a_race : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public Saving_where_another_request_may_win_a_race()
    {
        _connection.Open();
        using var db = NewDb();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public async Task A_save_that_breaks_no_key_is_saved()
    {
        await using (var db = NewDb())
        {
            db.Shelves.Add(new Shelf { Id = Guid.NewGuid(), Name = "A" });
            await db.SaveOrConflictAsync(CancellationToken.None, () => new ConflictException("shelf_taken"));
        }

        await using var reader = NewDb();
        (await reader.Shelves.CountAsync(s => s.Name == "A")).Should().Be(1);
    }

    [Fact]
    public async Task A_unique_key_another_request_took_first_is_the_conflict_the_caller_names()
    {
        await AddShelfAsync("A");
        await using var db = NewDb();
        db.Shelves.Add(new Shelf { Id = Guid.NewGuid(), Name = "A" });

        var saving = () => db.SaveOrConflictAsync(CancellationToken.None, () => new ConflictException("shelf_taken", "A"));

        var refusal = (await saving.Should().ThrowExactlyAsync<ConflictException>()).Which;
        refusal.Code.Should().Be("shelf_taken");
        refusal.Args.Should().Equal("A");
    }

    [Fact]
    public async Task A_unique_key_taken_with_no_conflict_named_is_a_lost_race()
    {
        await AddShelfAsync("A");
        await using var db = NewDb();
        db.Shelves.Add(new Shelf { Id = Guid.NewGuid(), Name = "A" });

        var saving = () => db.SaveOrConflictAsync(CancellationToken.None);

        (await saving.Should().ThrowExactlyAsync<ConflictException>()).Which.Code.Should().Be("concurrency");
    }

    [Fact]
    public async Task A_primary_key_already_there_is_a_duplicate_key_too()
    {
        var id = await AddShelfAsync("A");
        await using var db = NewDb();
        db.Shelves.Add(new Shelf { Id = id, Name = "B" });

        var saving = () => db.SaveOrConflictAsync(CancellationToken.None, () => new ConflictException("shelf_taken"));

        (await saving.Should().ThrowExactlyAsync<ConflictException>()).Which.Code.Should().Be("shelf_taken");
    }

    [Fact]
    public async Task A_row_someone_else_changed_first_is_a_lost_race_whatever_conflict_is_named()
    {
        var id = await AddShelfAsync("A");
        await using var mine = NewDb();
        var shelf = await mine.Shelves.SingleAsync(s => s.Id == id);
        await using (var theirs = NewDb())
        {
            var same = await theirs.Shelves.SingleAsync(s => s.Id == id);
            same.Name = "theirs";
            same.Version++;
            await theirs.SaveChangesAsync();
        }

        shelf.Name = "mine";
        shelf.Version++;
        var saving = () => mine.SaveOrConflictAsync(CancellationToken.None, () => new ConflictException("shelf_taken"));

        (await saving.Should().ThrowExactlyAsync<ConflictException>()).Which.Code.Should().Be("concurrency");
    }

    [Fact]
    public async Task Another_failure_of_the_save_is_not_swallowed()
    {
        await using var db = NewDb();
        db.Books.Add(new Book { Id = Guid.NewGuid(), ShelfId = Guid.NewGuid() });

        var saving = () => db.SaveOrConflictAsync(CancellationToken.None, () => new ConflictException("shelf_taken"));

        var failure = (await saving.Should().ThrowExactlyAsync<DbUpdateException>()).Which;
        failure.InnerException.Should().BeOfType<SqliteException>().Which.SqliteExtendedErrorCode.Should().Be(787, "SQLITE_CONSTRAINT_FOREIGNKEY");
        SaveOrConflict.IsDuplicateKey(failure).Should().BeFalse();
    }

    private ShelfDb NewDb() => new(new DbContextOptionsBuilder<ShelfDb>().UseSqlite(_connection).Options);

    private async Task<Guid> AddShelfAsync(string name)
    {
        await using var db = NewDb();
        var shelf = new Shelf { Id = Guid.NewGuid(), Name = name };
        db.Shelves.Add(shelf);
        await db.SaveChangesAsync();
        return shelf.Id;
    }
}
