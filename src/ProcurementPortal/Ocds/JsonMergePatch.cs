using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Ocds;

/// <summary>JSON Merge Patch (RFC 7386), the way OCDS extensions amend the release schema.</summary>
internal static class JsonMergePatch
{
    /// <summary>Returns <paramref name="target"/> with <paramref name="patch"/> applied; neither argument is changed.</summary>
    public static JToken Apply(JToken? target, JToken patch)
    {
        if (patch is not JObject patchObject) return patch.DeepClone();
        var result = target is JObject targetObject ? (JObject)targetObject.DeepClone() : [];
        MergeInto(result, patchObject);
        return result;
    }

    private static void MergeInto(JObject target, JObject patch)
    {
        foreach (var property in patch.Properties())
        {
            if (property.Value.Type == JTokenType.Null)
            {
                target.Remove(property.Name);
            }
            else if (property.Value is JObject nested)
            {
                if (target[property.Name] is not JObject existing)
                {
                    existing = [];
                    target[property.Name] = existing;
                }
                MergeInto(existing, nested);
            }
            else
            {
                target[property.Name] = property.Value.DeepClone();
            }
        }
    }
}
