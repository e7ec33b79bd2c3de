using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CompraNet.ProcurementPortal.Web;

/// <summary>
/// <c>&lt;field-error key="items[2].cucop" /&gt;</c>: the messages the page put in ModelState under a field path as
/// the services name it (<c>items[2].cucop</c>, <c>timetable.submissionDeadline</c>), so a form shows each broken
/// rule next to its input whatever the input is called. Renders nothing when the field is fine.
/// </summary>
[HtmlTargetElement("field-error", Attributes = "key", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var messages = ViewContext.ModelState.TryGetValue(Key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToArray() : [];
        if (messages.Length == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", IdFor(Key));
        output.Attributes.SetAttribute("role", "alert");
        output.Content.SetContent(string.Join(" ", messages));
    }

    /// <summary>The error's element id: <c>items[2].cucop</c> → <c>error-items-2-cucop</c>.</summary>
    public static string IdFor(string key) =>
        "error-" + key.Replace("[", "-", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '-');
}
