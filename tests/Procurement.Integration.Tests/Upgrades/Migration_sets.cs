using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Procurement.Bidding.Data;
using Procurement.Contracting.Data;
using Procurement.Disbursement.Data;
using Procurement.Evaluation.Data;
using Procurement.Identity.Data;
using Procurement.ServiceDefaults.Persistence;
using Procurement.Tendering.Data;

namespace Procurement.Integration.Tests.Upgrades;

/// <summary>
/// Each service keeps one migration set per provider in its own assembly (SQL Server in Data/Migrations, SQLite in
/// Data/Migrations/Sqlite); each provider sees only its own, and each set matches the model of its provider.
/// scripts/test.sh checks the same with <c>dotnet ef migrations has-pending-model-changes</c> for both providers.
/// </summary>
public sealed class Migration_sets
{
    public static TheoryData<string, string> ServicesAndProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in Contexts.Keys)
        {
            data.Add(service, DatabaseExtensions.Sqlite);
            data.Add(service, DatabaseExtensions.SqlServer);
        }

        return data;
    }

    private static readonly Dictionary<string, Func<string, DbContext>> Contexts = new(StringComparer.Ordinal)
    {
        ["Identity"] = provider => ServiceDesignTimeFactory<IdentityDb>.Create(provider, "Identity"),
        ["Tendering"] = provider => ServiceDesignTimeFactory<TenderingDb>.Create(provider, "Tendering"),
        ["Bidding"] = provider => ServiceDesignTimeFactory<BiddingDb>.Create(provider, "Bidding"),
        ["Evaluation"] = provider => ServiceDesignTimeFactory<EvaluationDb>.Create(provider, "Evaluation"),
        ["Contracting"] = provider => ServiceDesignTimeFactory<ContractingDb>.Create(provider, "Contracting"),
        ["Disbursement"] = provider => ServiceDesignTimeFactory<DisbursementDb>.Create(provider, "Disbursement"),
    };

    [Theory]
    [MemberData(nameof(ServicesAndProviders))]
    public void The_model_has_no_changes_that_the_providers_migrations_lack(string service, string provider)
    {
        using var context = Contexts[service](provider);

        context.GetService<IMigrator>().HasPendingModelChanges().Should().BeFalse(
            $"{service}'s {provider} migrations describe its {provider} model (add one with the commands in README's 'Backing up and upgrading')");
    }

    [Theory]
    [MemberData(nameof(ServicesAndProviders))]
    public void Each_provider_sees_only_its_own_migrations_and_snapshot(string service, string provider)
    {
        using var context = Contexts[service](provider);
        var migrations = context.GetService<IMigrationsAssembly>();
        var ownNamespace = provider == DatabaseExtensions.Sqlite
            ? $"Procurement.{service}.Data.Migrations.Sqlite"
            : $"Procurement.{service}.Data.Migrations";

        migrations.Migrations.Should().NotBeEmpty();
        migrations.Migrations.Values.Should().OnlyContain(type => type.Namespace == ownNamespace);
        migrations.ModelSnapshot!.GetType().Namespace.Should().Be(ownNamespace);
        migrations.Migrations.Keys.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    /// <summary>
    /// Folders made before migrations were made by EnsureCreated from the model; they are adopted only when their
    /// schema is the baseline's. The migrations must therefore make, column for column, what EnsureCreated makes.
    /// </summary>
    [Theory]
    [MemberData(nameof(Services))]
    public async Task The_SQLite_migrations_make_the_schema_that_EnsureCreated_makes_from_the_model(string service)
    {
        var created = await SchemaAsync(service, context => context.Database.EnsureCreatedAsync());
        var migrated = (await SchemaAsync(service, context => context.Database.MigrateAsync()))
            .Where(line => !KeptForAStartUpStep.Any(table => line.StartsWith(table + ":", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

        migrated.Should().BeEquivalentTo(created);
        migrated.Should().Contain(line => line.Contains(": column ", StringComparison.Ordinal));
    }

    public static TheoryData<string> Services() => new(Contexts.Keys);

    /// <summary>
    /// Tables a migration keeps for the service to finish at start, where the key SQL lacks is held, and which the
    /// service then drops: Bidding's register from before sealing (RegisterConversion carries it into keyed hashes).
    /// </summary>
    private static readonly string[] KeptForAStartUpStep = ["StaffCommitmentsBeforeSealing"];

    private static async Task<IReadOnlySet<string>> SchemaAsync(string service, Func<DbContext, Task> make)
    {
        var connectionString = $"Data Source={service}-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keepAlive = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await keepAlive.OpenAsync();
        await using (var context = Contexts[service](DatabaseExtensions.Sqlite))
        {
            context.Database.SetConnectionString(connectionString);
            await make(context);
        }

        return await SqliteSchema.DescribeAsync(keepAlive);
    }

    [Fact]
    public void The_SQL_Server_set_is_the_one_already_applied_in_production()
    {
        using var context = Contexts["Tendering"](DatabaseExtensions.SqlServer);

        context.GetService<IMigrationsAssembly>().Migrations.Keys.First().Should().Be("20261125154309_InitialTendering");
    }

    [Fact]
    public void The_design_time_factory_takes_the_provider_from_its_arguments_or_else_the_environment()
    {
        ServiceDesignTimeFactory<TenderingDb>.ProviderFrom(["--provider", "Sqlite"]).Should().Be(DatabaseExtensions.Sqlite);
        var previous = Environment.GetEnvironmentVariable(ServiceDesignTimeFactory<TenderingDb>.ProviderVariable);
        try
        {
            Environment.SetEnvironmentVariable(ServiceDesignTimeFactory<TenderingDb>.ProviderVariable, null);
            ServiceDesignTimeFactory<TenderingDb>.ProviderFrom([]).Should().Be(DatabaseExtensions.SqlServer);
            Environment.SetEnvironmentVariable(ServiceDesignTimeFactory<TenderingDb>.ProviderVariable, DatabaseExtensions.Sqlite);
            using var context = new TenderingDbDesignTimeFactory().CreateDbContext([]);
            context.Database.IsSqlite().Should().BeTrue();
        }
        finally
        {
            Environment.SetEnvironmentVariable(ServiceDesignTimeFactory<TenderingDb>.ProviderVariable, previous);
        }
    }
}
