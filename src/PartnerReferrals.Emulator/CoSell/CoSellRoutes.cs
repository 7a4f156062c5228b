using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PartnerReferrals.Emulator;

/// <summary>The Referrals API's routes on the emulator's origin (the fixed interface of COSELL-CONTRACT.md).</summary>
internal static class CoSellRoutes
{
    public static void Map(IEndpointRouteBuilder routes, EmulatorState state)
    {
        var pipeline = new CoSellPipeline(state);
        var read = new CoSellReadEndpoints(state.CoSell, state.CoSellAccess, state.CoSellRepresentation, state.Faults);
        const string Collection = CoSellRepresentation.CollectionPath;
        const string Item = Collection + "/{id}";

        routes.MapGet(Collection, context => pipeline.RunAsync(context, read.ListAsync));
        routes.MapGet(Item, context => pipeline.RunAsync(context, read.GetAsync));
        var write = new CoSellWriteEndpoints(state.CoSell, state.CoSellAccess, state.CoSellRepresentation, read);
        routes.MapPatch(Item, context => pipeline.RunAsync(context, write.PatchAsync));
        routes.MapPost(Collection, context => pipeline.RunAsync(context, write.CreateAsync));

        routes.MapMethods(CoSellClockEndpoint.Path, ["GET", "POST"], new CoSellClockEndpoint(state.CoSell).HandleAsync);

        // Other methods answer with the API's error body (there is no DELETE, §1).
        routes.MapMethods(Collection, ["PUT", "PATCH", "DELETE"], context => pipeline.RunAsync(context, NotAllowed));
        routes.MapMethods(Item, ["POST", "PUT", "DELETE"], context => pipeline.RunAsync(context, NotAllowed));
    }

    private static System.Threading.Tasks.Task<CoSellResponse> NotAllowed(HttpContext context) =>
        throw new CoSellApiException(StatusCodes.Status405MethodNotAllowed, "invalidRequest", $"{context.Request.Method} is not supported on {context.Request.Path}.");
}
