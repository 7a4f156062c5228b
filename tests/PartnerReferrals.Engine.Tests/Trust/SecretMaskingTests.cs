using PartnerReferrals.Engine.Diagnostics;
using PartnerReferrals.Engine.Operations;
using PartnerReferrals.Engine.Tests.Fakes;
using PartnerReferrals.Engine.Tests.Hosting;

namespace PartnerReferrals.Engine.Tests.Trust;

[Collection(SessionStoreCollection.Name)]
public class SecretMaskingTests
{
    private const string RefreshToken = "0.AEmu.Kq3vZ8xY2mN5pL7wR1tB4cD6fG9hJ0kS3uV5yX8zA2eF4iO7";

    [Fact]
    public void Disconnect_forgets_every_registered_secret()
    {
        const string secret = "plaintext-access-token-given-by-the-user";
        Redactor.RegisterSecret(secret);
        Assert.Equal(Redactor.Mask, Redactor.Redact(secret));

        PartnerReferralsOperations.Disconnect(null, false, new RecordingHost());

        Assert.Equal(0, Redactor.SecretCount);
        Assert.Equal(secret, Redactor.Redact(secret));
    }

    [Fact]
    public void The_secret_store_keeps_only_the_newest_secrets()
    {
        Redactor.ForgetSecrets();
        for (var i = 0; i < 1000; i++)
        {
            Redactor.RegisterSecret("token-number-" + i);
        }

        Assert.Equal(Redactor.MaxSecrets, Redactor.SecretCount);
        Assert.Equal(Redactor.Mask, Redactor.Redact("token-number-999"));
        Redactor.ForgetSecrets();
    }

    [Fact]
    public void An_opaque_refresh_token_is_masked_by_its_shape()
    {
        Assert.Equal("filter ***", Redactor.Redact("filter " + RefreshToken));
        const string thumbprint = "3F2A9C0D1E4B5A6978C0D1E2F3A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6";
        Assert.Equal(thumbprint, Redactor.Redact(thumbprint));
        const string path = "/home/Jane2024/.local/share/PartnerReferrals/emulator.json";
        Assert.Equal(path, Redactor.Redact(path));
    }

    [Fact]
    public void An_error_is_made_clean_a_token_in_a_non_secret_parameter_is_masked_in_its_message_target_advice_and_inner_error()
    {
        const string jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
        // As a query error echoes what was typed: the filter in the message, the target and the advice.
        var filter = "customerName eq '" + jwt + "' or customerName eq '" + RefreshToken + "'";
        var inner = new InvalidOperationException("MSAL said " + RefreshToken);

        var error = new PartnerReferralsException("PartnerReferrals.Query.InvalidFilter", ErrorKind.InvalidArgument, "-Filter: '" + filter + "' is not valid.", "Correct " + filter + ".", filter, inner)
        {
            ParameterName = "Filter",
        };

        foreach (var text in new[] { error.Message, error.Problem, error.Details, error.RecommendedAction, error.Target?.ToString() ?? string.Empty })
        {
            Assert.DoesNotContain(jwt, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RefreshToken, text, StringComparison.Ordinal);
            Assert.Contains(Redactor.Mask, text, StringComparison.Ordinal);
        }

        Assert.Null(error.InnerException);
        Assert.Equal("Filter", error.ParameterName);
    }

    [Fact]
    public void An_error_keeps_an_inner_error_and_a_typed_target_that_hold_no_secret()
    {
        var inner = new InvalidOperationException("a plain failure");
        var url = new Uri("https://api.test/partner/v1/analytics/referrals");

        var error = new PartnerReferralsException("PartnerReferrals.Api.Error", ErrorKind.InvalidOperation, "It failed.", "Try again.", url, inner);

        Assert.Same(inner, error.InnerException);
        Assert.Same(url, error.Target);
    }
}
