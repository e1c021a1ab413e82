using System.Reflection;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Naming;

public sealed class NameTableTests
{
    /// <summary>Every table names every value of its enum, once, and its names and aliases never collide.</summary>
    [Fact]
    public void Every_table_names_every_enum_value_once()
    {
        var tables = typeof(Names).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.GetValue(null)!).ToList();
        tables.Count.ShouldBeGreaterThanOrEqualTo(12);
        foreach (var table in tables)
        {
            var type = table.GetType();
            var enumType = type.GetGenericArguments()[0];
            var names = (IReadOnlyList<string>)type.GetProperty(nameof(NameTable<CoordinateConvention>.Names))!.GetValue(table)!;
            var spellings = (IReadOnlyList<string>)type.GetProperty(nameof(NameTable<CoordinateConvention>.AllSpellings))!.GetValue(table)!;
            names.Count.ShouldBe(Enum.GetValues(enumType).Length, enumType.Name);
            spellings.Select(s => s.ToLowerInvariant()).Distinct().Count().ShouldBe(spellings.Count, enumType.Name);
            var name = type.GetMethod(nameof(NameTable<CoordinateConvention>.Name))!;
            foreach (var v in Enum.GetValues(enumType)) names.ShouldContain((string)name.Invoke(table, [v])!);
        }
    }

    [Fact]
    public void Aliases_parse_but_only_canonical_names_are_listed_and_unknown_names_are_refused_as_settings()
    {
        Names.Coords.Names.ShouldBe(["qwen2.5", "normalized1000", "as-sent"]);
        Names.Coords.Parse("QWEN25").ShouldBe(CoordinateConvention.Qwen25Absolute);
        Names.Coords.Parse(" absolute ").ShouldBe(CoordinateConvention.AbsoluteAsSent);
        Names.Coords.Name(CoordinateConvention.AbsoluteAsSent).ShouldBe("as-sent");
        var e = Should.Throw<InvalidSettingException>(() => Names.Coords.Parse("pixels"));
        e.Setting.ShouldBe("coords");
        e.Message.ShouldBe("coords must be one of qwen2.5, normalized1000, as-sent, not 'pixels'");
        Names.Schedules.Choices.ShouldBe("sync or realtime");
    }
}
