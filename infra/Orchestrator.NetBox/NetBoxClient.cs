using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Http;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;
using P = Orchestrator.NetBox.Http.NetBoxPaths;

namespace Orchestrator.NetBox;

public sealed partial class NetBoxClient : INetBoxClient
{
    private readonly NetBoxTransport _transport;
    private readonly ILogger<NetBoxClient> _logger;

    public NetBoxClient(HttpClient http, IOptions<NetBoxOptions> options, ILogger<NetBoxClient>? logger = null)
    {
        _transport = new NetBoxTransport(http, options.Value.PageSize);
        _logger = logger ?? NullLogger<NetBoxClient>.Instance;
    }

    public async Task<string?> GetVersionAsync(CancellationToken ct = default) =>
        (await _transport.GetAsync<JsonObject>(P.Status, ct))["netbox-version"]?.ToString();

    public Task<IReadOnlyList<Site>> ListSitesAsync(NameFilter? filter = null, CancellationToken ct = default) =>
        List<Site>(P.Sites, filter, ct);

    public Task<Site?> GetSiteAsync(int id, CancellationToken ct = default) => Get<Site>(P.Sites, id, ct);

    public Task<IReadOnlyList<DeviceRole>> ListDeviceRolesAsync(NameFilter? filter = null, CancellationToken ct = default) =>
        List<DeviceRole>(P.DeviceRoles, filter, ct);

    public Task<DeviceRole?> GetDeviceRoleAsync(int id, CancellationToken ct = default) => Get<DeviceRole>(P.DeviceRoles, id, ct);

    public Task<IReadOnlyList<DeviceType>> ListDeviceTypesAsync(CancellationToken ct = default) =>
        List<DeviceType>(P.DeviceTypes, null, ct);

    public Task<DeviceType?> GetDeviceTypeAsync(int id, CancellationToken ct = default) => Get<DeviceType>(P.DeviceTypes, id, ct);

    public Task<IReadOnlyList<Device>> ListDevicesAsync(DeviceFilter? filter = null, CancellationToken ct = default) =>
        List<Device>(P.Devices, filter, ct);

    public Task<Device?> GetDeviceAsync(int id, CancellationToken ct = default) => Get<Device>(P.Devices, id, ct);

    public Task<Device> UpdateDeviceAsync(int id, DeviceUpdate update, CancellationToken ct = default) =>
        _transport.SendAsync<Device>(HttpMethod.Patch, P.Item(P.Devices, id), update, ct);

    public Task<IReadOnlyList<Interface>> ListInterfacesAsync(InterfaceFilter? filter = null, CancellationToken ct = default) =>
        List<Interface>(P.Interfaces, filter, ct);

    public Task<Interface?> GetInterfaceAsync(int id, CancellationToken ct = default) => Get<Interface>(P.Interfaces, id, ct);

    public Task<IReadOnlyList<Cable>> ListCablesAsync(CableFilter? filter = null, CancellationToken ct = default) =>
        List<Cable>(P.Cables, filter, ct);

    public Task<Cable?> GetCableAsync(int id, CancellationToken ct = default) => Get<Cable>(P.Cables, id, ct);

    public Task<Cable> UpdateCableAsync(int id, CableUpdate update, CancellationToken ct = default) =>
        _transport.SendAsync<Cable>(HttpMethod.Patch, P.Item(P.Cables, id), update, ct);

    public Task DeleteCableAsync(int id, CancellationToken ct = default) => _transport.DeleteAsync(P.Item(P.Cables, id), ct);

    public Task<IReadOnlyList<IpPrefix>> ListPrefixesAsync(PrefixFilter? filter = null, CancellationToken ct = default) =>
        List<IpPrefix>(P.Prefixes, filter, ct);

    public Task<IpPrefix?> GetPrefixAsync(int id, CancellationToken ct = default) => Get<IpPrefix>(P.Prefixes, id, ct);

    public Task DeletePrefixAsync(int id, CancellationToken ct = default) => _transport.DeleteAsync(P.Item(P.Prefixes, id), ct);

    public Task<IReadOnlyList<IpAddress>> ListIpAddressesAsync(IpAddressFilter? filter = null, CancellationToken ct = default) =>
        List<IpAddress>(P.IpAddresses, filter, ct);

    public Task<IpAddress?> GetIpAddressAsync(int id, CancellationToken ct = default) => Get<IpAddress>(P.IpAddresses, id, ct);

    public Task DeleteIpAddressAsync(int id, CancellationToken ct = default) => _transport.DeleteAsync(P.Item(P.IpAddresses, id), ct);

    private Task<IReadOnlyList<T>> List<T>(string path, INetBoxFilter? filter, CancellationToken ct) =>
        _transport.ListAsync<T>(path, (filter ?? NoFilter.Instance).ToQuery(), ct);

    private Task<T?> Get<T>(string path, int id, CancellationToken ct) where T : class =>
        _transport.GetOrNullAsync<T>(P.Item(path, id), ct);
}
