using CompraNet.ProcurementPortal.Features.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// Puts the services' errors in a page's ModelState, keyed by field path for <see cref="FieldErrorTagHelper"/>, in
/// the reader's language (<see cref="ServiceMessages"/>).
/// </summary>
public static class PortalModelState
{
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string[]> errors, PortalText text)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(field, ServiceMessages.Localize(message, text));
            }
        }
    }

    /// <summary>A refused change: validation errors by field; anything else (forbidden, conflict, not found) under <paramref name="fallbackKey"/>.</summary>
    public static void AddError(this ModelStateDictionary modelState, Exception error, string fallbackKey, PortalText text)
    {
        if (error is PortalValidationException validation)
        {
            modelState.AddErrors(validation.Errors, text);
        }
        else
        {
            modelState.AddModelError(fallbackKey, ServiceMessages.Localize(error.Message, text));
        }
    }
}
