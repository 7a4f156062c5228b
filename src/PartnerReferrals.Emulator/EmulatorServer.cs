using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerReferrals.Emulator;

/// <summary>
/// A running emulator: the referrals API and the sign-in endpoints over HTTPS on 127.0.0.1 only. Start it with
/// <see cref="StartAsync"/> (in a test or from the command line); disposing it stops it and frees the port.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly EmulatorState state;
    private int disposed;

    private EmulatorServer(WebApplication app, EmulatorState state, X509Certificate2 certificate)
    {
        this.app = app;
        this.state = state;
        Certificate = certificate;
        CertificateThumbprint = EmulatorCertificate.Thumbprint(certificate);
    }

    /// <summary><c>https://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress => state.BaseAddress;

    /// <summary>The emulated partner tenant (a fixed GUID).</summary>
    public string TenantId => EmulatedIdentity.TenantId;

    /// <summary>The MSAL authority: <c>https://127.0.0.1:{port}/{TenantId}/</c>.</summary>
    public Uri Authority => new(BaseAddress, TenantId + "/");

    public X509Certificate2 Certificate { get; }

    /// <summary>Uppercase hex SHA-256 of the certificate's DER bytes: what clients pin.</summary>
    public string CertificateThumbprint { get; }

    /// <summary>The live fault settings; change them while the server runs.</summary>
    public FaultSettings Faults => state.Faults;

    /// <summary>The data set in the endpoint's stable order.</summary>
    public IReadOnlyList<EmulatorReferral> Referrals => state.Data.Rows;

    /// <summary>The oldest and newest date in the data (any date field), or nulls when it holds none.</summary>
    public (DateTime? Oldest, DateTime? Newest) DataDates => state.Data.DateRange();

    /// <summary>The co-sell referrals (Referrals API) as stored now, in creation order; a snapshot of copies.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> CoSellReferrals =>
        state.CoSell.Read((rows, _) => rows.Select(row => row.DeepClone().AsObject()).ToList());

    public int CoSellReferralCount => state.CoSell.Count;

    /// <summary>How far the Referrals API's clock is ahead of the real one (the expiry hook, choice 25).</summary>
    public TimeSpan CoSellClockOffset
    {
        get => state.CoSell.ClockOffset;
        set => state.CoSell.ClockOffset = value;
    }

    /// <summary>Requests to the referrals endpoints (analytics and co-sell).</summary>
    public RequestLog Requests => state.Requests;

    public TokenIssuer Tokens => state.Tokens;

    /// <summary>Where emulator.json was published, or null.</summary>
    public string? PublishedFile => state.Options.PublishFile;

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        // Generating or loading a million rows takes a moment: keep it off the caller's thread.
        var data = await Task.Run(() => ReferralDataSet.Create(options), cancellationToken).ConfigureAwait(false);
        var certificate = EmulatorCertificate.LoadOrCreate(options.CertificateFile);
        var state = new EmulatorState(options, data);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Loopback only: the emulator accepts any token it issued and must never be reachable from the network.
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });

        var app = builder.Build();
        EmulatorRoutes.Map(app, state);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            certificate.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        state.BaseAddress = new Uri($"https://127.0.0.1:{new Uri(address).Port}/");
        var server = new EmulatorServer(app, state, certificate);
        if (options.PublishFile is { } file)
        {
            new PublishedEndpoint(server.BaseAddress.ToString(), server.Authority.ToString(), server.TenantId,
                server.CertificateThumbprint, Environment.ProcessId, ProcessStartTime()).WriteTo(file);
        }

        return server;
    }

    private static DateTime ProcessStartTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.StartTime.ToUniversalTime();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Open connections (a stalled client) get a short grace period, then are cut.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (state.Options.PublishFile is { } file)
            {
                try
                {
                    System.IO.File.Delete(file);
                }
                catch (System.IO.IOException)
                {
                    // Best effort: a stale file names a dead process id, which readers check.
                }
            }

            Certificate.Dispose();
        }
    }
}
