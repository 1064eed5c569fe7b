using Procurement.Bidding.Domain;

namespace Procurement.Bidding.Tests;

public sealed class National_id_numbers
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static CodeProblem? ProblemWith(string text)
    {
        NationalIdNumber.TryParse(text, Today, out _, out var problem);
        return problem;
    }

    [Theory]
    [InlineData("440305198511205670")] // check digit 0
    [InlineData("11010519491231002X")] // check character X
    [InlineData("11010519491231002x")] // a lower-case x as people type it
    [InlineData("440305200002290010")] // born on a leap day
    public void A_number_with_the_right_check_character_is_accepted(string text)
    {
        NationalIdNumber.TryParse(text, Today, out var number, out var problem).Should().BeTrue();

        problem.Should().BeNull();
        number!.LastFour.Should().Be(text[^4..].ToUpperInvariant());
    }

    [Fact]
    public void The_birth_date_is_read_from_characters_7_to_14()
    {
        NationalIdNumber.TryParse("11010519491231002X", Today, out var number, out _);

        number!.BirthDate.Should().Be(new DateOnly(1949, 12, 31));
    }

    [Theory]
    [InlineData("440305198511205671")]
    [InlineData("440305198511205679")]
    [InlineData("44030519851120567X")]
    [InlineData("110105194912310020")]
    public void A_wrong_check_character_is_refused(string text)
    {
        ProblemWith(text)!.Rule.Should().Be("id_number_check_character");
    }

    [Fact]
    public void An_impossible_birth_date_is_refused()
    {
        // 1999-02-30 does not exist; the check character is right, so only the date is wrong.
        ProblemWith("440305199902300012")!.Rule.Should().Be("id_number_birth_date");
    }

    [Fact]
    public void A_birth_date_of_today_is_accepted_and_tomorrow_is_refused()
    {
        ProblemWith("440305202611250013").Should().BeNull();
        ProblemWith("440305202611260019")!.Rule.Should().Be("id_number_birth_date_future");
    }

    [Theory]
    [InlineData("44030519851120567", 17)]
    [InlineData("4403051985112056700", 19)]
    public void A_number_must_be_18_characters(string text, int length)
    {
        var problem = ProblemWith(text)!;

        problem.Rule.Should().Be("id_number_length");
        problem.Args.Should().Equal(length);
    }

    [Theory]
    [InlineData("4403051985112056A0")]
    [InlineData("44030519851120567Y")]
    public void Only_digits_and_a_final_x_are_allowed(string text)
    {
        ProblemWith(text)!.Rule.Should().Be("id_number_format");
    }

    [Fact]
    public void A_number_written_out_shows_only_its_last_four()
    {
        NationalIdNumber.TryParse("440305198511205670", Today, out var number, out _);

        number!.ToString().Should().Be("**************5670");
        $"{number}".Should().NotContain("19851120");
    }
}

public sealed class Protected_id_numbers
{
    private static readonly byte[] Pepper = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static NationalIdNumber Number(string text)
    {
        NationalIdNumber.TryParse(text, new DateOnly(2026, 11, 25), out var number, out _).Should().BeTrue();
        return number!;
    }

    [Fact]
    public void The_same_person_gives_the_same_lookup_hash_however_the_number_was_typed()
    {
        var protector = new IdNumberProtector(Pepper);

        var first = protector.Protect(Number("11010519491231002X"));
        var second = protector.Protect(Number(" 11010519491231002x "));

        second.Should().Be(first);
        first.LastFour.Should().Be("002X");
        first.LookupHash.Should().MatchRegex("^[0-9A-F]{64}$");
    }

    [Fact]
    public void The_hash_depends_on_the_secret_pepper_and_does_not_contain_the_number()
    {
        var number = Number("440305198511205670");
        var otherPepper = Pepper.Select(b => (byte)(b + 1)).ToArray();

        var hash = new IdNumberProtector(Pepper).Protect(number).LookupHash;

        new IdNumberProtector(otherPepper).Protect(number).LookupHash.Should().NotBe(hash);
        hash.Should().NotContain("440305198511205670");
    }

    [Fact]
    public void Different_people_give_different_hashes()
    {
        var protector = new IdNumberProtector(Pepper);

        protector.Protect(Number("440305198511205670")).LookupHash
            .Should().NotBe(protector.Protect(Number("11010519491231002X")).LookupHash);
    }

    [Fact]
    public void A_pepper_shorter_than_32_bytes_is_refused()
    {
        var create = () => new IdNumberProtector(new byte[31]);

        create.Should().Throw<ArgumentException>();
        new IdNumberProtector(new byte[32]).Protect(Number("11010519491231002X")).LookupHash
            .Should().HaveLength(ProtectedIdNumber.HashLength);
    }
}
