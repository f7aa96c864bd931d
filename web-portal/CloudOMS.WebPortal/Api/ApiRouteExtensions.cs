namespace CloudOMS.WebPortal.Api;

public static class ApiRouteExtensions
{
    /// <summary>Documents the problem answers every API route may give.</summary>
    public static RouteGroupBuilder WithProblems(this RouteGroupBuilder group)
    {
        group.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }
}
