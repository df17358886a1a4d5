using SyntheticPatients.Runtime;
using SyntheticPatients.Runtime.Events;
using Xunit;

namespace SyntheticPatients.Runtime.Tests.Runtime;

public class AttributeValueTests
{
    [Fact]
    public void Unset_is_the_default_and_equals_nothing()
    {
        var unset = default(AttributeValue);
        Assert.False(unset.IsSet);
        Assert.Equal(AttributeKind.Unset, unset.Kind);
        Assert.False(unset.Equals(true));
        Assert.False(unset.Equals(false));
        Assert.False(unset.Equals(0d));
        Assert.False(unset.Equals(""));
        Assert.False(unset.IsLessThan(1));
        Assert.False(unset.IsGreaterThanOrEqual(-1));
        Assert.Equal(AttributeValue.Unset, unset);
    }

    [Fact]
    public void Comparisons_only_match_values_of_the_same_kind()
    {
        var yes = AttributeValue.FromBoolean(true);
        var one = AttributeValue.FromNumber(1);
        var text = AttributeValue.FromText("1");
        Assert.True(yes.Equals(true));
        Assert.False(yes.Equals(false));
        Assert.False(yes.Equals(1d)); // a boolean is not the number 1
        Assert.True(one.Equals(1d));
        Assert.False(one.Equals(true));
        Assert.False(one.Equals("1"));
        Assert.True(text.Equals("1"));
        Assert.False(text.Equals(1d));
    }

    [Fact]
    public void Text_compares_ordinally()
    {
        var value = AttributeValue.FromText("childhood");
        Assert.True(value.Equals("childhood"));
        Assert.False(value.Equals("Childhood"));
        Assert.False(value.Equals((string?)null));
        Assert.False(AttributeValue.FromText(null).IsSet);
    }

    [Theory]
    [InlineData(5, 6, true, true, false, false)]
    [InlineData(6, 6, false, true, false, true)]
    [InlineData(7, 6, false, false, true, true)]
    public void Numeric_ordering(double value, double threshold, bool less, bool lessOrEqual, bool greater, bool greaterOrEqual)
    {
        var number = AttributeValue.FromNumber(value);
        Assert.Equal(less, number.IsLessThan(threshold));
        Assert.Equal(lessOrEqual, number.IsLessThanOrEqual(threshold));
        Assert.Equal(greater, number.IsGreaterThan(threshold));
        Assert.Equal(greaterOrEqual, number.IsGreaterThanOrEqual(threshold));
    }

    [Fact]
    public void Counters_start_from_zero_when_unset()
    {
        var value = AttributeValue.Unset.Add(1).Add(1).Add(-0.5);
        Assert.Equal(AttributeKind.Number, value.Kind);
        Assert.True(value.Equals(1.5));
        Assert.True(AttributeValue.FromText("x").Add(2).Equals(2d));
    }

    [Fact]
    public void References_name_their_buffer_and_range()
    {
        var reference = AttributeValue.Reference(EventKind.Medication, 4, 2);
        Assert.True(reference.IsSet);
        Assert.Equal(AttributeKind.Reference, reference.Kind);
        Assert.True(reference.IsReferenceTo(EventKind.Medication));
        Assert.False(reference.IsReferenceTo(EventKind.Condition));
        Assert.Equal(4, reference.ReferenceIndex);
        Assert.Equal(2, reference.ReferenceCount);
        Assert.False(reference.Equals(4d));
        Assert.False(AttributeValue.Reference(EventKind.Condition, -1, 1).IsSet);
        Assert.Equal(-1, AttributeValue.FromNumber(3).ReferenceIndex);
    }

    [Fact]
    public void Value_equality_and_display()
    {
        Assert.Equal(AttributeValue.FromText("a"), AttributeValue.FromText("a"));
        Assert.NotEqual(AttributeValue.FromNumber(1), AttributeValue.FromBoolean(true));
        Assert.Equal("true", AttributeValue.FromBoolean(true).ToString());
        Assert.Equal("0.1", AttributeValue.FromNumber(0.1).ToString());
        Assert.Equal("(unset)", AttributeValue.Unset.ToString());
    }
}
