using System.Text.Json;
using ReasonTrack.Reports.Html;

namespace ReasonTrack.Tests.Reports.Html;

public sealed class HtmlTextTests
{
    [Fact]
    public void Escape_turns_every_markup_character_into_an_entity()
    {
        HtmlText.Escape("<script>a&b</script> \"q\" 'r'").ShouldBe("&lt;script&gt;a&amp;b&lt;/script&gt; &quot;q&quot; &#39;r&#39;");
        HtmlText.Escape(null).ShouldBe("");
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("</textarea><!-- x --> javascript:alert(1)")]
    [InlineData("line\u2028separator\u2029paragraph")]
    [InlineData("</SCRIPT >")]
    public void Json_for_a_script_block_never_closes_it_and_reads_back_the_same_text(string text)
    {
        string json = HtmlText.Json(w => { w.WriteStartObject(); w.WriteString("reply", text); w.WriteEndObject(); });
        json.ShouldNotContain("</");
        json.ShouldNotContain("<!--");
        json.ShouldNotContain("\u2028");
        json.ShouldNotContain("\u2029");
        json.IndexOf('<').ShouldBe(-1); // the encoder writes < as \u003C
        JsonDocument.Parse(json).RootElement.GetProperty("reply").GetString().ShouldBe(text);
    }

    [Fact]
    public void SafeForScript_also_guards_text_from_a_relaxed_encoder()
    {
        string relaxed = "{\"a\":\"</script>\u2028<!--\"}";
        string safe = HtmlText.SafeForScript(relaxed);
        safe.ShouldNotContain("</");
        safe.ShouldNotContain("<!--");
        safe.ShouldNotContain("\u2028");
        JsonDocument.Parse(safe).RootElement.GetProperty("a").GetString().ShouldBe("</script>\u2028<!--");
    }
}
