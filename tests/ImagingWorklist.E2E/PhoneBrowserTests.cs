using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

/// <summary>On call from a phone (390×844): cards instead of a wide table, filters behind one button, nothing sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task OnAPhoneTheWorklistIsCardsAndAnExamCanBeClaimedAndWrittenWithoutScrollingSideways()
    {
        var page = await app.SignedInPageAsync("radiologist2");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/");
        var card = page.Locator("tr[data-exam]").First;
        await Assertions.Expect(card).ToBeVisibleAsync();

        Assert.Equal("grid", await card.EvaluateAsync<string>("row => getComputedStyle(row).display"));
        Assert.True(await NothingSidewaysAsync(page), "the worklist scrolls sideways on a phone");
        var filters = page.GetByRole(AriaRole.Group, new() { Name = "Filters" });
        await Assertions.Expect(filters).ToBeHiddenAsync();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Filters" });
        await toggle.ClickAsync();
        await Assertions.Expect(filters).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await BrowserApp.SaveScreenshotAsync(page, "phone-worklist-filters");
        await toggle.ClickAsync();
        await Assertions.Expect(filters).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await BrowserApp.SaveScreenshotAsync(page, "phone-worklist");

        var claim = card.GetByRole(AriaRole.Button, new() { Name = "Claim" });
        var box = await claim.BoundingBoxAsync();
        Assert.True(box is { Height: >= 44 }, $"the Claim button is {box?.Height} px tall; a thumb needs 44");
        await claim.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Report text")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Patient" })).ToBeInViewportAsync();
        Assert.True(await NothingSidewaysAsync(page), "the exam view scrolls sideways on a phone");
        await page.GetByLabel("Report text").FillAsync("Phone check: no acute abnormality.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign and next case" })).ToBeEnabledAsync();
        await BrowserApp.SaveScreenshotAsync(page, "phone-exam");

        var failures = new List<string>();
        await Accessibility.ScanAsync(page, "exam view on a phone", failures);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));

        await page.GetByLabel("Reason (to release or hold)").FillAsync("Phone test done");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        // Blazor navigates within the page (no load event to wait for): wait for the address itself.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"), new() { Timeout = 15_000 });
    }

    private static Task<bool> NothingSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth + 1");
}
