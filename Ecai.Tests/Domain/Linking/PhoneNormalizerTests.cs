using Ecai.Domain.Linking;

namespace Ecai.Tests.Domain.Linking;

public class PhoneNormalizerTests
{
    private const string Mobile = "+819012345678";

    // Every form of one mobile number seen in carts, forms and hand entry (docs/phones.md).
    [Theory]
    [InlineData("090-1234-5678")]
    [InlineData("09012345678")]
    [InlineData("090 1234 5678")]
    [InlineData("  090-1234-5678  ")]
    [InlineData("090.1234.5678")]
    [InlineData("+81 90-1234-5678")]
    [InlineData("+819012345678")]
    [InlineData("+81-90-1234-5678")]
    [InlineData("+81 (0)90-1234-5678")]
    [InlineData("+81(0)9012345678")]
    [InlineData("+81 090-1234-5678")]        // international prefix and trunk 0 both written
    [InlineData("０９０－１２３４－５６７８")]        // full-width digits and hyphen
    [InlineData("０９０ー１２３４ー５６７８")]        // katakana long-vowel mark as hyphen
    [InlineData("０９０ｰ１２３４ｰ５６７８")]        // half-width long-vowel mark
    [InlineData("０９０１２３４５６７８")]
    [InlineData("＋８１９０１２３４５６７８")]        // full-width plus
    [InlineData("＋８１　９０－１２３４－５６７８")]    // ideographic space
    [InlineData("090‐1234‐5678")]            // U+2010 hyphen
    [InlineData("090‑1234‑5678")]            // U+2011 non-breaking hyphen
    [InlineData("090–1234–5678")]            // en dash
    [InlineData("090−1234−5678")]            // minus sign
    [InlineData("(090)1234-5678")]
    [InlineData("（０９０）１２３４－５６７８")]       // full-width brackets
    [InlineData("090(1234)5678")]
    [InlineData("[090] 1234 5678")]
    [InlineData("tel:+81-90-1234-5678")]
    [InlineData("TEL:090-1234-5678")]
    [InlineData("tel:09012345678")]
    [InlineData("81-90-1234-5678")]          // leniency trap 1: "81" without plus is the country code (product spec)
    [InlineData("819012345678")]
    [InlineData("81(0)90-1234-5678")]
    [InlineData("(+81) 90-1234-5678")]
    [InlineData("81 90 1234 5678")]
    [InlineData("010-81-90-1234-5678")]      // dialled from Japan with the international prefix 010
    [InlineData("\t090-1234-5678\n")]
    // As people type them into forms and spreadsheets: labels, notes, extensions (dropped), invisible characters.
    [InlineData("TEL 090-1234-5678")]
    [InlineData("ＴＥＬ：０９０－１２３４－５６７８")]
    [InlineData("電話：090-1234-5678")]
    [InlineData("電話番号 090 1234 5678")]
    [InlineData("090-1234-5678（携帯）")]
    [InlineData("090-1234-5678(携帯)")]
    [InlineData("携帯090-1234-5678")]
    [InlineData("090-1234-5678（自宅）")]
    [InlineData("090-1234-5678 ext. 12")]
    [InlineData("090-1234-5678 内線123")]
    [InlineData("090-1234-5678x123")]
    [InlineData("'09012345678")]                // a spreadsheet's text marker
    [InlineData("’090-1234-5678")]
    [InlineData("090\u200B-1234-5678")]         // zero-width space
    [InlineData("\uFEFF090-1234-5678")]          // BOM from a CSV
    [InlineData("090\u200E1234\u200F5678")]      // direction marks
    [InlineData("090/1234/5678")]
    [InlineData("090ｰ1234ｰ5678")]             // half-width long-vowel mark
    public void Mobile_forms_all_normalise_to_the_same_E164(string raw) =>
        Assert.Equal(Mobile, PhoneNormalizer.Normalize(raw));

    [Theory]
    [InlineData("03-1234-5678", "+81312345678")]          // Tokyo landline
    [InlineData("0312345678", "+81312345678")]
    [InlineData("03(1234)5678", "+81312345678")]
    [InlineData("(03)1234-5678", "+81312345678")]
    [InlineData("０３（１２３４）５６７８", "+81312345678")]
    [InlineData("+81 3-1234-5678", "+81312345678")]
    [InlineData("06-6123-4567", "+81661234567")]          // Osaka
    [InlineData("0466-12-3456", "+81466123456")]          // 4-digit area code
    [InlineData("011-211-2111", "+81112112111")]          // Sapporo
    [InlineData("0120-123-456", "+81120123456")]          // toll-free, 10 digits
    [InlineData("０１２０－１２３－４５６", "+81120123456")]
    [InlineData("0800-123-4567", "+818001234567")]        // toll-free, 11 digits
    [InlineData("050-1234-5678", "+815012345678")]        // IP phone
    [InlineData("020-4123-4567", "+812041234567")]        // pager / M2M
    [InlineData("070-1234-5678", "+817012345678")]
    [InlineData("080-1234-5678", "+818012345678")]
    [InlineData("+81 80 1234 5678", "+818012345678")]
    public void Landlines_toll_free_IP_and_other_mobiles_are_valid(string raw, string expected) =>
        Assert.Equal(expected, PhoneNormalizer.Normalize(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("　")]                        // ideographic space only
    [InlineData("tel:")]
    [InlineData("---")]
    [InlineData("+81")]
    [InlineData("090-1234-567")]             // 10-digit mobile: possible but not valid
    [InlineData("090-1234-56789")]           // 12 digits
    [InlineData("０９０－１２３４－５６７")]         // full-width 10-digit mobile
    [InlineData("123")]                      // too short
    [InlineData("0")]
    [InlineData("03-1234")]
    [InlineData("0000000000")]
    [InlineData("abc")]
    [InlineData("090-ABCD-5678")]            // letters, even vanity ones, are refused
    [InlineData("090-1234-5678 / 03-1234-5678")] // two numbers
    [InlineData("090-1234-5678,03-1234-5678")]
    [InlineData("090+1234-5678")]            // a plus inside the number
    [InlineData("TEL 9012345678")]           // a label does not lift the trunk-0 rule
    [InlineData("電話：90-1234-5678")]
    [InlineData("090-1234-5678（携帯）03-1234-5678")] // two numbers in one field
    [InlineData("TEL 090-1234-567")]         // still not a valid number
    [InlineData("'")]
    [InlineData("\u200B")]
    [InlineData("++819012345678")]
    [InlineData("+1 212-555-0123")]          // foreign numbers are not Japanese link keys
    [InlineData("+12125550123")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+82 10-1234-5678")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("+81 212-555-0123")]         // +81 followed by digits that are no Japanese number
    public void Invalid_or_foreign_numbers_are_rejected(string? raw) =>
        Assert.Null(PhoneNormalizer.Normalize(raw));

    // Leniency trap 2. libphonenumber parses "9012345678" (no trunk 0, no "+81") as +819012345678.
    // Decision: refuse it. Every domestic Japanese number carries the trunk 0, and every international
    // form starts with "+" or (product spec) "81", so a number that starts with any other digit is a
    // typo or a truncated import; guessing would link a member to somebody else's orders.
    [Theory]
    [InlineData("9012345678")]
    [InlineData("90-1234-5678")]
    [InlineData("９０１２３４５６７８")]
    [InlineData("312345678")]                // landline without trunk 0
    [InlineData("3-1234-5678")]
    [InlineData("120-123-456")]
    [InlineData("(90)1234-5678")]
    public void A_number_without_trunk_zero_plus_or_81_is_rejected_not_guessed(string raw) =>
        Assert.Null(PhoneNormalizer.Normalize(raw));

    [Fact]
    public void The_trunk_zero_rule_does_not_break_numbers_that_start_with_81_or_plus()
    {
        // Hiroshima (082) and the 08x area codes start with 8 after the trunk 0; with the 0 they are domestic.
        Assert.Equal("+81822123456", PhoneNormalizer.Normalize("082-212-3456"));
        Assert.Equal("+81822123456", PhoneNormalizer.Normalize("+81 82-212-3456"));
        Assert.Equal("+81822123456", PhoneNormalizer.Normalize("81-82-212-3456"));
    }

    // ecforce tel01/tel02/tel03 and Rakuten phoneNumber1/2/3 are joined before parsing.
    [Theory]
    [InlineData("090", "1234", "5678", Mobile)]
    [InlineData("０９０", "１２３４", "５６７８", Mobile)]
    [InlineData(" 090 ", " 1234", "5678 ", Mobile)]
    [InlineData("03", "1234", "5678", "+81312345678")]
    [InlineData("0466", "12", "3456", "+81466123456")]
    [InlineData("09012345678", null, null, Mobile)]      // whole number in the first part
    [InlineData("09012345678", "", "", Mobile)]
    [InlineData(null, "09012345678", null, Mobile)]
    [InlineData("090", null, "12345678", Mobile)]        // Rakuten with a null middle part
    [InlineData("0901234", "5678", null, Mobile)]
    [InlineData("090", "1234", null, null)]              // a missing part leaves an invalid number
    [InlineData("090", null, "5678", null)]
    [InlineData(null, null, null, null)]
    [InlineData("", " ", "　", null)]
    [InlineData("090", "12a4", "5678", null)]
    public void Split_parts_are_joined_then_normalised(string? p1, string? p2, string? p3, string? expected) =>
        Assert.Equal(expected, PhoneNormalizer.Normalize(PhoneNormalizer.JoinParts(p1, p2, p3)));

    [Fact]
    public void JoinParts_joins_trimmed_present_parts_with_hyphens()
    {
        Assert.Equal("090-1234-5678", PhoneNormalizer.JoinParts("090", "1234", "5678"));
        Assert.Equal("090-5678", PhoneNormalizer.JoinParts(" 090 ", null, "5678"));
        Assert.Null(PhoneNormalizer.JoinParts(null, "", "  "));
        Assert.Null(PhoneNormalizer.JoinParts());
    }

    [Theory]
    [InlineData("+819012345678", "090-1234-5678")]
    [InlineData("+81312345678", "03-1234-5678")]
    [InlineData("+81466123456", "0466-12-3456")]
    [InlineData("+81120123456", "0120-123-456")]
    public void Display_gives_the_domestic_form(string e164, string expected) =>
        Assert.Equal(expected, PhoneNormalizer.Display(e164));

    [Fact]
    public void Display_returns_unparseable_input_unchanged() =>
        Assert.Equal("not a phone", PhoneNormalizer.Display("not a phone"));

    [Theory]
    [InlineData("090-1234-5678")]
    [InlineData("０３（１２３４）５６７８")]
    [InlineData("+81 (0)466-12-3456")]
    public void Normalize_is_idempotent(string raw)
    {
        var once = PhoneNormalizer.Normalize(raw);
        Assert.NotNull(once);
        Assert.Equal(once, PhoneNormalizer.Normalize(once));
        Assert.Equal(once, PhoneNormalizer.Normalize(PhoneNormalizer.Display(once!)));
    }
}
