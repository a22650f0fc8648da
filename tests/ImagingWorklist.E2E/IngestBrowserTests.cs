using Microsoft.Playwright;

namespace ImagingWorklist.E2E;

[Collection(BrowserCollection.Name)]
public sealed class IngestBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AnOrderRefusedForAnUnknownProcedureIsFixedAndProcessedAgainByAnAdministrator()
    {
        var order =
            "MSH|^~\\&|RIS|RZ2|IW|NET|20261125093000||ORM^O01|E2E-1|P|2.4\r" +
            "PID|1||9434765919^^^NHS^NH~E2E1^^^RZ2^MR||Browser^Test||19800101|M\r" +
            "PV1|1|E|^^^RZ201\r" +
            "ORC|NW|P1|F1||CM\r" +
            "OBR|1|P1|F1|CTSPN^CT Spine|S||20261125090000||||||Fall|||||RZ299000001\r";
        var ack = await app.SendHl7AsRisAsync(order);
        Assert.Contains("MSA|AE|E2E-1", ack, StringComparison.Ordinal);

        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Procedures" }).ClickAsync();
        await page.GetByLabel("Code (OBR-4)").FillAsync("CTSPN");
        await page.GetByLabel("Description").FillAsync("CT Spine");
        await page.GetByLabel("Body part").FillAsync("SPINE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved CTSPN.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Inbound messages" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "E2E-1" });
        await Assertions.Expect(row).ToContainTextAsync("CTSPN");
        await BrowserApp.SaveScreenshotAsync(page, "admin-inbound");
        await row.GetByRole(AriaRole.Button, new() { Name = "Process again" }).ClickAsync();

        await Assertions.Expect(page.GetByText("E2E-1 processed: Applied.")).ToBeVisibleAsync();
    }
}

[Collection(BrowserCollection.Name)]
public sealed class CredentialBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task AnAdministratorEndsACredentialWithAReasonAndGrantsItAgain()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin");
        await page.GetByLabel("Search reporters").FillAsync("Teleradiology");
        await page.GetByRole(AriaRole.Button,
            new() { NameRegex = new System.Text.RegularExpressions.Regex("^Manage credentials of Northern Teleradiology") }).ClickAsync();
        var editor = page.GetByRole(AriaRole.Region, new() { Name = "Credentials of Northern Teleradiology Ltd (outsourced)" });
        await Assertions.Expect(editor).ToBeVisibleAsync();

        await editor.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^End credential for ") })
            .First.ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Give a reason");
        await editor.GetByLabel("Reason for ending a credential (recorded in the audit trail)").FillAsync("Contract ended");
        var first =
            editor.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^End credential for ") }).First;
        var trust = (await first.GetAttributeAsync("aria-label"))!["End credential for ".Length..];
        await first.ClickAsync();

        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync($"Ended the credential for {trust}.");
        await BrowserApp.SaveScreenshotAsync(page, "admin-credentials");
    }
}
