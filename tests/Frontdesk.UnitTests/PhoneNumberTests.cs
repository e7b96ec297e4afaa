using Frontdesk.Directory;
using Frontdesk.Directory.Domain;
using Microsoft.Extensions.Options;

namespace Frontdesk.UnitTests;

/// <summary>Phone numbers match in E.164 whatever their written form (issue 13: caller pop, log a contact).</summary>
public sealed class PhoneNumberTests
{
    private static Phones In(string? region) => new(Options.Create(new DirectoryOptions { PhoneRegion = region }));

    [Theory]
    [InlineData("+49 30 901820", "+4930901820")]
    [InlineData("+49 (30) 90 18 20", "+4930901820")]
    [InlineData("030 / 90 18 20", "+4930901820")]
    [InlineData("0049 30 901820", "+4930901820")]
    [InlineData("+1 (312) 555-0100", "+13125550100")]
    [InlineData("tel:+44-20-7946-0958", "+442079460958")]
    [InlineData("ext. 4711", null)]
    [InlineData("+49 6221 123456 789012", null)] // longer than E.164 allows (15 digits), whatever libphonenumber deems possible
    [InlineData("call me", null)]
    [InlineData("", null)]
    public void Written_forms_become_E164_in_a_desk_whose_region_is_Germany(string written, string? e164) =>
        In("de").ToE164(written).ShouldBe(e164);

    [Fact]
    public void Without_a_region_only_numbers_with_a_country_code_are_understood()
    {
        var numbers = In(null);
        numbers.ToE164("+49 30 901820").ShouldBe("+4930901820");
        numbers.ToE164("030 901820").ShouldBeNull();
        numbers.ToE164(new string('1', 60)).ShouldBeNull();
    }

    [Fact]
    public void A_person_gets_both_numbers_in_E164()
    {
        var person = new Person { Name = "Ada", Email = "ada@example.com", Phone = "030 901820", MobilePhone = "+1 312 555 0100" };
        In("DE").Apply(person);
        person.PhoneE164.ShouldBe("+4930901820");
        person.MobilePhoneE164.ShouldBe("+13125550100");
    }
}
