using System.Text.Json.Serialization;
using CloudOMS.Identity.Edge;
using CloudOMS.WebPortal.Orders;
using Microsoft.AspNetCore.Http.Json;

namespace CloudOMS.WebPortal.Api;

public static class ApiServices
{
    public static IServiceCollection AddCloudOmsApi(this IServiceCollection services)
    {
        services.AddProblemDetails(Problems.AddCodes);
        services.AddExceptionHandler<ApiProblems>();
        // Binding failures (malformed JSON, wrong types) reach ApiProblems and get a 400 in the user's words.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            JsonText.Configure(o.SerializerOptions);
        });
        services.AddOpenApi();
        services.AddSingleton<OrderIntake>();
        services.AddApiDeadline();
        return services;
    }
}
