namespace CloudOMS.Identity.Tests.Admin;

/// <summary>Pending invitations: listed with role and inviter, resent with a new link, revoked so the link says so.</summary>
[Collection(AdminPortal.Name)]
public sealed class InvitationTests(IdentityPortal portal)
{
    private const string Role = "销售";

    private async Task<(Company Company, OmsClient Admin, string Email, InvitationView Invitation)> Invited()
    {
        var (company, admin) = await portal.NewCompany();
        var email = Companies.NewEmail("invited");
        var role = await admin.Role(Role);
        await admin.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(email, [role.Id]), HttpStatusCode.Created);
        var invitation = (await admin.Get<List<InvitationView>>("/api/users/invitations")).Single(i => i.Email == email);
        return (company, admin, email, invitation);
    }

    private async Task<UserAgent> Open(string link)
    {
        var browser = new UserAgent(portal.Address, IdentityPortal.RedirectUri);
        await browser.Go(link);
        return browser;
    }

    private async Task<List<string>> AuditActions(OmsClient admin) => [.. (await admin.Get<AuditPageView>("/api/audit")).Items.Select(e => e.Action)];

    [Fact]
    public async Task Pending_invitation_is_listed_with_role_inviter_and_dates_and_its_mail_names_the_company_and_the_role()
    {
        var (company, _, email, invitation) = await Invited();

        Assert.Equal([Role], invitation.RoleNames);
        Assert.Equal(company.Email, invitation.InvitedBy);
        Assert.NotNull(invitation.SentAt);
        Assert.InRange(invitation.ExpiresAt - invitation.SentAt!.Value, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        Assert.False(invitation.Expired);
        var mail = Assert.Single(portal.Mail.To(email));
        Assert.Contains(company.Name, mail, StringComparison.Ordinal);
        Assert.Contains($"“{Role}”", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_invitation_link_says_it_was_revoked_and_accepting_is_refused()
    {
        var (_, admin, email, invitation) = await Invited();
        var link = portal.Mail.Link(email, "/account/invite");
        using var opened = await Open(link);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/users/invitations/{invitation.Id}/revoke")).StatusCode);
        await opened.Submit(("name", "新同事"), ("password", Companies.Password));
        using var reopened = await Open(link);

        Assert.Equal(HttpStatusCode.BadRequest, opened.Status);
        Assert.Contains("撤销", opened.Error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reopened.Status);
        Assert.Contains("撤销", reopened.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(await admin.Get<List<MemberView>>("/api/users"), m => m.Email == email);
        Assert.DoesNotContain(await admin.Get<List<InvitationView>>("/api/users/invitations"), i => i.Id == invitation.Id);
        Assert.Contains("member.invite-revoked", await AuditActions(admin));
    }

    [Fact]
    public async Task Resent_invitation_mails_a_new_link_that_works_and_the_old_link_no_longer_does()
    {
        var (_, admin, email, invitation) = await Invited();
        var old = portal.Mail.Link(email, "/account/invite");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Post($"/api/users/invitations/{invitation.Id}/resend")).StatusCode);
        var mails = portal.Mail.To(email);
        var fresh = portal.Mail.Link(email, "/account/invite");
        using var stale = await Open(old);
        using var accepted = await Open(fresh);
        await accepted.Submit(("name", "新同事"), ("password", Companies.Password));

        Assert.Equal(2, mails.Count);
        Assert.Contains($"“{Role}”", mails[^1], StringComparison.Ordinal);
        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status);
        Assert.True(accepted.Status == HttpStatusCode.OK, $"Accepting the resent invitation answered {(int)accepted.Status}: {accepted.Error}");
        Assert.Contains(await admin.Get<List<MemberView>>("/api/users"), m => m.Email == email);
        Assert.DoesNotContain(await admin.Get<List<InvitationView>>("/api/users/invitations"), i => i.Id == invitation.Id);
        Assert.Contains("member.invite-resent", await AuditActions(admin));
    }

    [Fact]
    public async Task Accepted_invitation_cannot_be_resent_or_revoked_and_an_unknown_one_is_not_found()
    {
        var (_, admin) = await portal.NewCompany();
        var email = Companies.NewEmail("joined");
        var role = await admin.Role(Role);
        var id = (await admin.Post<System.Text.Json.JsonElement>("/api/users/invitations", new InviteBody(email, [role.Id]), HttpStatusCode.Created)).GetProperty("id").GetString();
        using (var browser = await Open(portal.Mail.Link(email, "/account/invite")))
        {
            await browser.Submit(("name", "新同事"), ("password", Companies.Password));
            Assert.Equal(HttpStatusCode.OK, browser.Status);
        }

        var resend = await OmsClient.Problem(await admin.Post($"/api/users/invitations/{id}/resend"), HttpStatusCode.Conflict);
        await OmsClient.Problem(await admin.Post($"/api/users/invitations/{id}/revoke"), HttpStatusCode.Conflict);

        Assert.Contains("已被接受", resend.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Post("/api/users/invitations/nobody/resend")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Post("/api/users/invitations/nobody/revoke")).StatusCode);
        Assert.Empty(await admin.Get<List<InvitationView>>("/api/users/invitations"));
    }
}
