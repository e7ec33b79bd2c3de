namespace CompraNet.ProcurementPortal.Features.Common;

/// <summary>Input that breaks a rule: field paths (as the form or JSON names them) with their messages.</summary>
public sealed class PortalValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static PortalValidationException Of(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The actor may not do this (another unit's procedure, a supplier acting as an official, a sealed document).</summary>
public sealed class PortalForbiddenException(string message) : Exception(message);

/// <summary>No such plan, procedure or document (or none the actor may see).</summary>
public sealed class PortalNotFoundException(string message) : Exception(message);

/// <summary>The request conflicts with the current state: a code for clients and a message for people.</summary>
public sealed class PortalConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A dependency (storage, the engine) could not do its part; nothing was recorded: try again.</summary>
public sealed class PortalUnavailableException(string message) : Exception(message);
