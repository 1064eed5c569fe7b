using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Gherkin.Ast;

namespace Procurement.Acceptance.Tests.Runner;

public sealed record StepBinding(StepKind Kind, Regex Regex, MethodInfo Method)
{
    public override string ToString() => $"{Method.DeclaringType?.Name}.{Method.Name} [{Kind}(@\"{Regex}\")]";
}

/// <summary>Finds step methods by their attributes and matches step text to exactly one of them.</summary>
public sealed class StepBindings
{
    private readonly IReadOnlyList<StepBinding> _bindings;

    private StepBindings(IEnumerable<StepBinding> bindings) => _bindings = bindings.ToList();

    public IReadOnlyList<StepBinding> All => _bindings;

    public static StepBindings FromAssemblies(IEnumerable<Assembly> assemblies) =>
        FromTypes(assemblies.Distinct().SelectMany(a => a.GetTypes()));

    public static StepBindings FromTypes(IEnumerable<Type> types) => new(
        from type in types
        where type.IsClass && !type.IsAbstract || type.IsAbstract && type.IsSealed // static classes too
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        from attribute in method.GetCustomAttributes<StepAttribute>()
        select new StepBinding(attribute.Kind, new Regex($"^(?:{attribute.Pattern})$", RegexOptions.CultureInvariant), method));

    /// <summary>The one binding for the step and its converted arguments; a clear error otherwise.</summary>
    public (StepBinding Binding, object?[] Arguments) Resolve(PlannedStep step)
    {
        var matches = _bindings.Where(b => b.Kind == step.Kind)
            .Select(b => (Binding: b, Match: b.Regex.Match(step.Text)))
            .Where(m => m.Match.Success)
            .ToList();
        return matches.Count switch
        {
            1 => (matches[0].Binding, Arguments(matches[0].Binding, matches[0].Match, step)),
            0 => throw new StepBindingException($"No binding for this step. Add one to a step class:\n\n{Suggest(step)}"),
            _ => throw new StepBindingException("Ambiguous step: it matches more than one binding:\n  "
                                                + string.Join("\n  ", matches.Select(m => m.Binding))),
        };
    }

    // Regex groups in order, then the table or doc string (if the step has one) as the last argument.
    private static object?[] Arguments(StepBinding binding, Match match, PlannedStep step)
    {
        var parameters = binding.Method.GetParameters();
        var values = match.Groups.Cast<Group>().Skip(1).Select(g => g.Success ? g.Value : null).ToList();
        object? extra = step.Table is not null ? step.Table : step.DocString;
        var expected = values.Count + (extra is null ? 0 : 1);
        if (parameters.Length != expected)
        {
            throw new StepBindingException(
                $"{binding} takes {parameters.Length} parameter(s) but the step supplies {expected} " +
                $"({values.Count} regex group(s){(extra is null ? "" : $" + {(step.Table is not null ? "a table" : "a doc string")}")}).");
        }
        var args = new object?[parameters.Length];
        for (var i = 0; i < values.Count; i++)
        {
            args[i] = Convert(values[i], parameters[i].ParameterType, binding);
        }

        if (extra is DocString doc && parameters[^1].ParameterType == typeof(string))
        {
            extra = doc.Content;
        }

        if (extra is not null)
        {
            args[^1] = extra;
        }

        return args;
    }

    private static object? Convert(string? value, Type type, StepBinding binding)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (value is null || target == typeof(string))
            {
                return value;
            }

            if (target.IsEnum)
            {
                return Enum.Parse(target, value, ignoreCase: true);
            }
            // int, decimal, DateOnly, DateTimeOffset, Guid, TimeSpan...: all have Parse(string, IFormatProvider).
            var parse = target.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider)]);
            return parse is not null
                ? parse.Invoke(null, [value, CultureInfo.InvariantCulture])
                : System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException or TargetInvocationException or InvalidCastException or ArgumentException)
        {
            throw new StepBindingException($"{binding}: cannot convert \"{value}\" to {type.Name}.", ex);
        }
    }

    /// <summary>A binding the developer can paste: numbers and "quoted strings" become parameters.</summary>
    public static string Suggest(PlannedStep step)
    {
        var pattern = new StringBuilder();
        var parameters = new List<string>();
        var last = 0;
        foreach (Match m in Regex.Matches(step.Text, "\"[^\"]*\"|-?\\d+(\\.\\d+)?"))
        {
            pattern.Append(Escape(step.Text[last..m.Index]));
            (string group, string type) = m.Value.StartsWith('"') ? ("\"\"([^\"\"]*)\"\"", "string")
                : m.Groups[1].Success ? (@"(-?\d+\.\d+)", "decimal") : (@"(-?\d+)", "int");
            pattern.Append(group);
            parameters.Add($"{type} p{parameters.Count}");
            last = m.Index + m.Length;
        }
        pattern.Append(Escape(step.Text[last..]));
        if (step.Table is not null)
        {
            parameters.Add("StepTable table");
        }

        if (step.DocString is not null)
        {
            parameters.Add("string docString");
        }

        var words = Regex.Replace(step.Text, "\"[^\"]*\"", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetter).ToArray())).Where(w => w.Length > 0);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return $"    [{step.Kind}(@\"{pattern}\")]\n" +
               $"    public void {(name.Length > 0 ? name : "Step")}({string.Join(", ", parameters)})\n" +
               "    {\n        throw new NotImplementedException();\n    }";

        // Regex.Escape also escapes spaces and would double quotes wrongly for a verbatim string.
        static string Escape(string s) => Regex.Escape(s).Replace("\\ ", " ", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal);
    }
}

public sealed class StepBindingException(string message, Exception? inner = null) : Exception(message, inner);
