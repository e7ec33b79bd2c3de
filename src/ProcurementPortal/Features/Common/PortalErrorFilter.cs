using CompraNet.AuctionHost.Http;

namespace CompraNet.ProcurementPortal.Features.Common;

/// <summary>Turns the portal's domain errors into the API's problem responses (the same shape as the engine's).</summary>
public sealed class PortalErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (PortalValidationException ex)
        {
            return Problems.Validation(ex.Errors.ToDictionary(e => e.Key, e => e.Value));
        }
        catch (PortalForbiddenException ex)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, "forbidden", ex.Message);
        }
        catch (PortalNotFoundException ex)
        {
            return Problems.Of(StatusCodes.Status404NotFound, "not-found", ex.Message);
        }
        catch (PortalConflictException ex)
        {
            return Problems.Of(StatusCodes.Status409Conflict, ex.Code, ex.Message);
        }
        catch (PortalUnavailableException ex)
        {
            return Problems.Of(StatusCodes.Status503ServiceUnavailable, "unavailable", ex.Message);
        }
    }
}
