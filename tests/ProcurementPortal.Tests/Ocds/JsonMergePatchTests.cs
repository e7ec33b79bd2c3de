using CompraNet.ProcurementPortal.Ocds;
using Newtonsoft.Json.Linq;

namespace CompraNet.ProcurementPortal.Tests.Ocds;

public sealed class JsonMergePatchTests
{
    // The examples of RFC 7386, appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_Rfc7386Examples_GiveTheRfcResult(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JToken.Parse(target), JToken.Parse(patch));

        Assert.True(JToken.DeepEquals(JToken.Parse(expected), result), result.ToString());
    }

    [Fact]
    public void Apply_NullInsideAnArray_IsKeptAsAValue()
    {
        var result = JsonMergePatch.Apply(JToken.Parse("""{"enum":["a"]}"""), JToken.Parse("""{"enum":["a",null]}"""));

        Assert.True(JToken.DeepEquals(JToken.Parse("""{"enum":["a",null]}"""), result), result.ToString());
    }

    [Fact]
    public void Apply_LeavesItsArgumentsUnchanged()
    {
        var target = JToken.Parse("""{"a":{"b":1}}""");
        var patch = JToken.Parse("""{"a":{"b":null,"c":{"d":2}}}""");

        var result = JsonMergePatch.Apply(target, patch);
        result["a"]!["c"]!["d"] = 3; // the patched copy is the caller's to change

        Assert.Equal("""{"a":{"b":1}}""", target.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal("""{"a":{"b":null,"c":{"d":2}}}""", patch.ToString(Newtonsoft.Json.Formatting.None));
    }
}
