namespace CloudOMS.Identity.Tests.Identity;

[Collection(SignInPortal.Name)]
public sealed class SignupValidationTests(IdentityPortal portal)
{
    private async Task<HttpResponseMessage> Post(SignupBody body)
    {
        using var http = portal.NewHttp();
        return await http.PostAsJsonAsync("/api/signup", body, OmsClient.Json);
    }

    [Fact]
    public async Task Sign_up_refuses_a_slug_another_company_has()
    {
        var first = await portal.SignUp();

        var problem = await OmsClient.FieldError(await Post(Companies.NewSignup() with { Slug = first.Slug }), "slug");

        Assert.Contains("已被占用", problem.Errors!["slug"][0]);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("api")]
    [InlineData("connect")]
    public async Task Sign_up_refuses_a_reserved_slug(string slug) =>
        await OmsClient.FieldError(await Post(Companies.NewSignup() with { Slug = slug }), "slug");

    [Theory]
    [InlineData("ab")]
    [InlineData("9shop")]
    [InlineData("Shop-Upper")]
    [InlineData("shop_under")]
    [InlineData("")]
    [InlineData("a-very-long-slug-that-goes-past-thirty")]
    public async Task Sign_up_refuses_an_invalid_slug(string slug) =>
        await OmsClient.FieldError(await Post(Companies.NewSignup() with { Slug = slug }), "slug");

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Sign_up_refuses_a_bad_email(string? email) =>
        await OmsClient.FieldError(await Post(Companies.NewSignup() with { Email = email }), "email");

    /// <summary>What a sign-up answers, minus the ids that differ between any two sign-ups.</summary>
    private static async Task<(HttpStatusCode, string?, string?, string)> Answer(HttpResponseMessage response, SignupBody body)
    {
        var text = await response.Content.ReadAsStringAsync();
        var created = System.Text.Json.JsonSerializer.Deserialize<SignupView>(text, OmsClient.Json)!;
        return (response.StatusCode, response.Headers.Location?.ToString(), response.Content.Headers.ContentType?.ToString(),
            text.Replace(created.UserId, "USER", StringComparison.Ordinal).Replace(body.Slug!, "SLUG", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sign_up_with_a_registered_email_answers_as_for_a_new_one_creates_nothing_and_tells_the_owner_by_mail(bool otherCase)
    {
        var (first, admin) = await portal.NewCompany();
        var fresh = Companies.NewSignup();
        var again = Companies.NewSignup() with { Email = otherCase ? first.Email.ToUpperInvariant() : first.Email, Password = "Another-pass-2026" };

        var forNew = await Answer(await Post(fresh), fresh);
        var forRegistered = await Answer(await Post(again), again);

        Assert.Equal(forNew, forRegistered);
        Assert.Equal([first.Slug], (await admin.Get<MeView>("/api/me")).Tenants.Select(t => t.Id));
        var mail = portal.Mail.To(first.Email)[^1];
        Assert.Contains("该邮箱已有 CloudOMS 账号", mail);
        Assert.Contains("/account/forgot", mail);
        using var signIn = new InteractiveSignIn(portal);
        await signIn.Start();
        await signIn.Password(first.Email, again.Password!);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Browser.Status);
    }

    [Fact]
    public async Task Sign_up_with_an_unconfirmed_registered_email_mails_a_new_confirmation_link_that_works()
    {
        var first = await portal.SignUp();

        Assert.Equal(HttpStatusCode.Created, (await Post(Companies.NewSignup() with { Email = first.Email })).StatusCode);

        Assert.Equal(2, portal.Mail.To(first.Email).Count);
        Assert.Contains("该邮箱已有 CloudOMS 账号", portal.Mail.To(first.Email)[^1]);
        await portal.Confirm(first.Email);
        await portal.SignIn(first.Email, first.Password);
    }

    [Fact]
    public async Task Concurrent_sign_ups_with_one_slug_create_one_company_and_answer_the_others_with_a_conflict()
    {
        var slug = Companies.NewSignup().Slug!;
        var bodies = Enumerable.Range(0, 6).Select(_ => Companies.NewSignup() with { Slug = slug }).ToList();

        var responses = await Task.WhenAll(bodies.Select(Post));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Single(statuses, HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
            Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.BadRequest }));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await OmsClient.Problem(refused, refused.StatusCode);
            Assert.Contains("已被占用", problem.Errors!["slug"][0]);
        }
        var winner = bodies[statuses.IndexOf(HttpStatusCode.Created)];
        Assert.All(bodies.Where(b => b != winner), b => Assert.Empty(portal.Mail.To(b.Email!)));
        await portal.Confirm(winner.Email!);
        await portal.SignIn(winner.Email!, winner.Password!);
    }

    [Fact]
    public async Task Concurrent_sign_ups_with_one_email_create_one_account_that_signs_in()
    {
        var email = Companies.NewEmail("owner");
        var bodies = Enumerable.Range(0, 6).Select(_ => Companies.NewSignup() with { Email = email }).ToList();

        var responses = await Task.WhenAll(bodies.Select(Post));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(portal.Mail.To(email), m => m.Contains("/account/confirm?", StringComparison.Ordinal) && !m.Contains("已有 CloudOMS 账号", StringComparison.Ordinal));
        await portal.Confirm(email);
        var me = await (await portal.SignInApi(email, Companies.Password)).Get<MeView>("/api/me");
        Assert.Single(me.Tenants);
    }

    [Fact]
    public async Task Sign_up_refuses_a_short_password()
    {
        var problem = await OmsClient.FieldError(await Post(Companies.NewSignup() with { Password = "abc123" }), "password");
        Assert.Contains("8", problem.Errors!["password"][0]);
    }

    [Fact]
    public async Task Sign_up_reports_every_bad_field_at_once()
    {
        var response = await Post(new SignupBody("", "X", "", "phone!", "nope", "1"));

        var problem = await OmsClient.Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(["companyName", "contactName", "email", "password", "phone", "slug"], problem.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Refused_password_leaves_no_company_or_user_behind()
    {
        var body = Companies.NewSignup();

        // Long enough for the form check, but the password rules want a digit: refused after the user insert began.
        await OmsClient.FieldError(await Post(body with { Password = "lettersonly" }), "password");

        Assert.Empty(portal.Mail.To(body.Email!));
        var company = await portal.SignUp(body);
        Assert.Equal(body.Slug, company.Slug);
    }
}
