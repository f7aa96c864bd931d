using CloudOMS.Texts;

namespace CloudOMS.Grains.UnitTests.Common;

/// <summary>The text and numeric rules every input passes, whichever way it came (API, portal, import).</summary>
public sealed class InputBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("临沂仓", null)]
    [InlineData("第一行\r\n第二行\t完", null)]
    [InlineData("表情 👍", null)]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("a\u001Bb", "U+001B")]
    [InlineData("a\u007Fb", "U+007F")]
    [InlineData("a\u0085b", "U+0085")]
    [InlineData("\u202Egnp", "U+202E")]
    [InlineData("a\u2069", "U+2069")]
    [InlineData("\uFEFFa", "U+FEFF")]
    [InlineData("a\uFFFE", "U+FFFE")]
    [InlineData("a\uFDD0", "U+FDD0")]
    public void Text_rules_name_the_first_refused_character(string text, string? refused) =>
        Assert.Equal(refused, TextRules.Problem(text));

    [Fact]
    public void Lone_surrogates_are_refused_and_pairs_accepted()
    {
        // Not as theory data: the test runner would replace a lone surrogate before the test sees it.
        Assert.Equal("U+D800", TextRules.Problem("a\uD800"));
        Assert.Equal("U+DC00", TextRules.Problem("\uDC00a"));
        Assert.Equal("U+D83D", TextRules.Problem("a\uD83D\uD83D\uDC4D"));
        Assert.Null(TextRules.Problem("\uD83D\uDC4D"));
    }

    [Fact]
    public void Clean_text_is_nfc_and_trimmed()
    {
        Assert.Equal("Caf\u00e9", TextRules.Clean(" Cafe\u0301\t\n"));
        Assert.Null(TextRules.Clean(null));
    }

    [Fact]
    public void Every_field_check_refuses_what_the_text_rules_refuse()
    {
        var errors = new FieldErrors();
        errors.Required("name", "仓\u0000", 50, Text.Verbatim("名称"));
        errors.MaxLength("note", "\u202E", 50, Text.Verbatim("备注"));
        Assert.Equal(["name", "note"], errors.ToDictionary().Keys.Order());
        Assert.Contains("U+0000", errors.ToDictionary()["name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_order_over_the_maximum_total_is_refused_and_one_at_it_is_accepted()
    {
        var customer = new OrderCustomer { Name = "王五", Phone = "13800000000", Province = "山东省", City = "临沂市", Address = "兰山区 1 号" };
        NewOrder Order(decimal price, decimal shipping) => new("manual", null, customer, [new NewOrderLine("SKU-1", 1, price, 0)], shipping, null, false, "t");

        Assert.False(OrderValidator.Validate(Order(Limits.MaxOrderTotal - 10, 10)).Any);
        Assert.Contains("lines", OrderValidator.Validate(Order(Limits.MaxOrderTotal - 10, 10.01m)).ToDictionary().Keys);
        var widest = new NewOrder("manual", null, customer, [.. Enumerable.Repeat(new NewOrderLine("SKU-1", Limits.MaxQuantity, Limits.MaxMoney, 0), Limits.MaxLines)], 0, null, false, "t");
        Assert.Contains("lines", OrderValidator.Validate(widest).ToDictionary().Keys);
    }

    [Fact]
    public void A_sku_never_holds_more_than_the_maximum_stock_over_its_warehouses()
    {
        var ledger = new StockLedger(new SkuInventoryState { Warehouses = { ["W1"] = new StockLevel { OnHand = Limits.MaxStock - 10 } } });

        ledger.Move(new StockMove("in1", StockMoveKind.Receive, "W2", 6, null, "", "t"), Now);
        var over = Assert.Throws<CommandException>(() => ledger.Move(new StockMove("in2", StockMoveKind.Receive, "W1", 5, null, "", "t"), Now));
        var overByAdjust = Assert.Throws<CommandException>(() => ledger.Move(new StockMove("adj", StockMoveKind.Adjust, "W2", 5, null, "盘盈", "t"), Now));
        ledger.Move(new StockMove("in3", StockMoveKind.Receive, "W1", 4, null, "", "t"), Now);

        Assert.Equal((FailureKind.Invalid, "quantity"), (over.Kind, over.Field));
        Assert.Equal(FailureKind.Invalid, overByAdjust.Kind);
        Assert.Equal(Limits.MaxStock, ledger.State.Warehouses.Values.Sum(w => w.OnHand));
    }

    [Fact]
    public void A_movement_reason_with_a_refused_character_changes_nothing()
    {
        var ledger = new StockLedger(new SkuInventoryState());

        var refused = Assert.Throws<CommandException>(() => ledger.Move(new StockMove("in", StockMoveKind.Receive, "W1", 5, null, "到货\u0000", "t"), Now));

        Assert.Equal("reason", refused.Field);
        Assert.Empty(ledger.State.Warehouses);
        Assert.Empty(ledger.State.Pending);
    }
}
