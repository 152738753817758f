using Ecai.Domain.Linking;

namespace Ecai.Tests.Domain.Linking;

public class EmailNormalizerTests
{
    [Theory]
    [InlineData("taro@example.com", "taro@example.com")]
    [InlineData("  taro@example.com  ", "taro@example.com")]
    [InlineData("\ttaro@example.com\r\n", "taro@example.com")]
    [InlineData("　taro@example.com　", "taro@example.com")]              // ideographic spaces
    [InlineData("Taro@Example.COM", "taro@example.com")]
    [InlineData("TARO.YAMADA@EXAMPLE.CO.JP", "taro.yamada@example.co.jp")]
    [InlineData("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "taro@example.com")]      // full-width
    [InlineData("ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "taro@example.com")]
    [InlineData("taro＠example.com", "taro@example.com")]              // full-width @ only
    [InlineData("taro+shop@example.com", "taro+shop@example.com")]
    [InlineData("taro_yamada-01@mail.example.jp", "taro_yamada-01@mail.example.jp")]
    [InlineData("1234@example.com", "1234@example.com")]
    [InlineData("taro@sub-domain.example.ne.jp", "taro@sub-domain.example.ne.jp")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("taro.@docomo.ne.jp", "taro.@docomo.ne.jp")]          // legacy docomo: dot before @
    [InlineData("ta..ro@ezweb.ne.jp", "ta..ro@ezweb.ne.jp")]          // legacy au: repeated dots
    [InlineData("Ta..Ro.@EZweb.ne.jp", "ta..ro.@ezweb.ne.jp")]
    [InlineData("taro@例え.jp", "taro@xn--r8jz45g.jp")]               // IDN domain keyed as punycode
    [InlineData("taro@xn--r8jz45g.jp", "taro@xn--r8jz45g.jp")]
    [InlineData("TARO@日本語.JP", "taro@xn--wgv71a119e.jp")]
    public void Valid_addresses_are_trimmed_folded_and_lower_cased(string raw, string expected) =>
        Assert.Equal(expected, EmailNormalizer.Normalize(raw));

    [Fact]
    public void Differently_written_forms_of_one_address_give_the_same_key()
    {
        var keys = new[] { "Taro@Example.com", " taro@example.com", "ＴＡＲＯ＠example.com", "taro@EXAMPLE.COM　" }
            .Select(EmailNormalizer.Normalize).Distinct().ToArray();
        Assert.Equal(new string?[] { "taro@example.com" }, keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("　")]
    [InlineData("taro")]
    [InlineData("taro@")]
    [InlineData("@example.com")]
    [InlineData("taro@example")]                  // no dot in the domain
    [InlineData("taro@.example.com")]
    [InlineData("taro@example.com.")]
    [InlineData("taro@example..com")]
    [InlineData("taro@@example.com")]
    [InlineData("taro@hanako@example.com")]
    [InlineData("taro @example.com")]
    [InlineData("taro@ example.com")]
    [InlineData("taro　@example.com")]             // ideographic space inside
    [InlineData("taro\t@example.com")]
    [InlineData("taro@exa mple.com")]
    [InlineData("Taro Yamada <taro@example.com>")] // display name
    [InlineData("<taro@example.com>")]
    [InlineData("\"taro\"@example.com")]           // quoted local parts: no cart stores them
    [InlineData(".taro@docomo.ne.jp")]             // not even legacy carriers allowed a leading dot
    [InlineData("たろう@example.jp")]               // non-ASCII local part (SMTPUTF8): no cart stores them
    [InlineData("taro@-example.com")]
    [InlineData("taro@example-.com")]
    [InlineData("taro@example_shop.com")]
    [InlineData("taro@[127.0.0.1]")]
    [InlineData("taro@127.0.0.1")]
    [InlineData("taro@example.c")]                 // no one-letter top-level domain
    [InlineData("taro@example.123")]
    [InlineData("taro(comment)@example.com")]
    [InlineData("mailto:taro@example.com")]
    [InlineData("taro@example.com, hanako@example.com")]
    [InlineData("taro@example.com;")]
    [InlineData("090-1234-5678")]
    public void Non_addresses_are_rejected(string? raw) =>
        Assert.Null(EmailNormalizer.Normalize(raw));

    [Fact]
    public void Local_part_is_at_most_64_characters()
    {
        Assert.Equal(new string('a', 64) + "@example.com", EmailNormalizer.Normalize(new string('A', 64) + "@example.com"));
        Assert.Null(EmailNormalizer.Normalize(new string('a', 65) + "@example.com"));
    }
}
