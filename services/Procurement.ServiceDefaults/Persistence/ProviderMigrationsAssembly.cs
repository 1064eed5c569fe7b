using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Procurement.ServiceDefaults.Persistence;

/// <summary>
/// One migration set per provider in the service's own assembly: SQLite migrations (and their snapshot) live
/// in a namespace whose last part is <c>Sqlite</c> (<c>Data/Migrations/Sqlite</c>), SQL Server's everywhere
/// else (<c>Data/Migrations</c>). EF Core's own lookup would see both sets as one; this one shows each
/// provider only its own, at run time and to <c>dotnet ef</c> alike, so the service code keeps one context type.
/// </summary>
internal sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator)
    : IMigrationsAssembly
{
    public const string SqliteNamespace = "Sqlite";

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotSought;

    public Assembly Assembly => ContextType.Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= OwnTypes(typeof(Migration))
        .Select(t => (Type: t, Id: t.GetCustomAttribute<MigrationAttribute>()?.Id))
        .Where(m => m.Id is not null)
        .OrderBy(m => m.Id, StringComparer.Ordinal)
        .ToDictionary(m => m.Id!, m => m.Type, StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (!_snapshotSought)
            {
                _snapshotSought = true;
                var type = OwnTypes(typeof(ModelSnapshot)).FirstOrDefault();
                _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type)!;
            }

            return _snapshot;
        }
    }

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private Type ContextType => currentContext.Context.GetType();

    private bool ForSqlite => currentContext.Context.Database.IsSqlite();

    /// <summary>The concrete subclasses of <paramref name="baseType"/> made for this context and this provider.</summary>
    private IEnumerable<TypeInfo> OwnTypes(Type baseType) => Assembly.DefinedTypes.Where(t =>
        !t.IsAbstract
        && t.IsSubclassOf(baseType)
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == ContextType
        && IsSqliteNamespace(t.Namespace) == ForSqlite);

    public static bool IsSqliteNamespace(string? name) =>
        name is not null && name.Split('.')[^1] == SqliteNamespace;
}
