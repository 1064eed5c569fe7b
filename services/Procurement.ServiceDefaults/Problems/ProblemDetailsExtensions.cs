using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Procurement.Rules.Refusals;
using Procurement.ServiceDefaults.Texts;

namespace Procurement.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    public const string TypePrefix = "urn:procurement:problem:";

    private static readonly Dictionary<int, string> CodeByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = "validation",
        [StatusCodes.Status401Unauthorized] = "unauthorized",
        [StatusCodes.Status403Forbidden] = "forbidden",
        [StatusCodes.Status404NotFound] = "not_found",
        [StatusCodes.Status405MethodNotAllowed] = "method_not_allowed",
        [StatusCodes.Status409Conflict] = "conflict",
        [StatusCodes.Status413PayloadTooLarge] = "payload_too_large",
        [StatusCodes.Status415UnsupportedMediaType] = "unsupported_media_type",
        [StatusCodes.Status422UnprocessableEntity] = "rule_broken",
        [StatusCodes.Status429TooManyRequests] = "too_many_requests",
        [StatusCodes.Status500InternalServerError] = "server_error",
    };

    /// <summary>
    /// Every error answer is a ProblemDetails with a stable <c>type</c>, in English or Chinese by
    /// <c>Accept-Language</c>; malformed bodies name the field; unexpected failures are logged, never shown.
    /// </summary>
    public static IServiceCollection AddProcurementProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem.Type is null || !problem.Type.StartsWith(TypePrefix, StringComparison.Ordinal))
            {
                var code = CodeByStatus.GetValueOrDefault(status, "server_error");
                problem.Type = TypePrefix + code;
                problem.Title = ProblemMessages.Get(code);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseProcurementProblemDetails(this WebApplication app)
    {
        app.UseRequestLocalization(options =>
        {
            string[] cultures = ["en", "zh-CN", "zh", "zh-Hans"];
            options.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A field's message, the field named in it by its label (<see cref="FieldLabels"/>), not its JSON path.</summary>
    private static string Message(FieldError error) =>
        ProblemMessages.Get(error.Rule, [.. error.Args.Select(arg => arg is string text && text == error.Field ? new FieldName(text) : arg)]);

    /// <summary>The status each kind of domain refusal is answered with.</summary>
    internal static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.RuleBroken => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.NotPermitted => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A refusal of a kind the endpoint layer does not map."),
    };

    /// <summary>A domain refusal as the caller reads it: its kind's status, its code, its text, field and extra members.</summary>
    internal static ProblemDetails ToProblemDetails(Refusal refusal) => refusal is RulesBrokenException broken
        ? FieldProblems(StatusOf(broken.Kind), broken.Code, broken.Errors)
        : Problem(StatusOf(refusal.Kind), refusal.Code, refusal.Args, refusal.Field, refusal.Extensions);

    /// <summary>A refusal only HTTP knows (request shape, role, media type) as the caller reads it.</summary>
    internal static ProblemDetails ToProblemDetails(ProblemException exception) => exception is RequestValidationException validation
        ? FieldProblems(validation.Status, validation.Code, validation.Errors)
        : Problem(exception.Status, exception.Code, exception.Args, exception.Field, exception.Extensions);

    /// <summary>Several fields refused at once: <c>errors</c> by field and <c>violations</c> with each field's rule.</summary>
    private static HttpValidationProblemDetails FieldProblems(int status, string code, IReadOnlyList<FieldError> fieldErrors)
    {
        var errors = fieldErrors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(Message).ToArray());
        var details = new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Type = TypePrefix + code,
            Title = ProblemMessages.Get(code),
        };
        details.Extensions["violations"] = fieldErrors
            .Select(e => new { field = e.Field, rule = e.Rule, message = Message(e) })
            .ToArray();
        return details;
    }

    private static ProblemDetails Problem(int status, string code, IReadOnlyList<object?> args, string? field, Dictionary<string, object?> extensions)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypePrefix + code,
            Title = ProblemMessages.Get(CodeByStatus.GetValueOrDefault(status, "server_error")),
            Detail = ProblemMessages.Get(code, [.. args]),
        };
        problem.Extensions["rule"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>"$.budgetCeiling" or "$.items[0].price" → "budgetCeiling", "items[0].price".</summary>
    internal static string FieldFromJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
        : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ProblemDetails problem;
            switch (exception)
            {
                case Refusal refusal:
                    problem = ToProblemDetails(refusal);
                    break;
                case ProblemException known:
                    problem = ToProblemDetails(known);
                    break;
                case BadHttpRequestException { InnerException: JsonException json }:
                    var field = FieldFromJsonPath(json.Path);
                    problem = ToProblemDetails(new RequestValidationException(
                        [new FieldError(field, field == "body" ? "invalid_json" : "invalid_value", [field])]));
                    break;
                case BadHttpRequestException bad:
                    problem = new ProblemDetails
                    {
                        Status = bad.StatusCode,
                        Detail = bad.StatusCode == StatusCodes.Status400BadRequest ? ProblemMessages.Get("invalid_json") : null,
                    };
                    break;
                case DbUpdateConcurrencyException:
                    problem = ToProblemDetails(new ConflictException("concurrency"));
                    break;
                default:
                    logger.LogError(exception, "Unhandled failure on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                    problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Detail = ProblemMessages.Get("server_error") };
                    break;
            }

            httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
            if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
            {
                return true;
            }

            // The caller's Accept leaves JSON out (a browser's text/html, say): the refusal keeps its status and says the
            // same in plain text, instead of turning into a 500 because no ProblemDetails writer would answer.
            httpContext.Response.ContentType = "text/plain; charset=utf-8";
            await httpContext.Response.WriteAsync(problem.Detail ?? problem.Title ?? ProblemMessages.Get("server_error"), cancellationToken);
            return true;
        }
    }
}

