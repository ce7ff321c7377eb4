using Orchestrator.NetBox.Filters;
using Orchestrator.NetBox.Models;
using Orchestrator.NetBox.Requests;

namespace Orchestrator.NetBox;

/// <summary>
/// The NetBox 4.x calls the workflows make. Reads return every page; Get* by id return null for 404.
/// Creates go through Ensure*, which look the object up by its <see cref="IdempotencyMarker"/> first and create it only when absent.
/// Throws <see cref="NetBoxTransientException"/> (try the step again later) or <see cref="NetBoxRequestException"/> (a real failure).
/// </summary>
public interface INetBoxClient
{
    Task<string?> GetVersionAsync(CancellationToken ct = default);

    Task<IReadOnlyList<Site>> ListSitesAsync(NameFilter? filter = null, CancellationToken ct = default);
    Task<Site?> GetSiteAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<DeviceRole>> ListDeviceRolesAsync(NameFilter? filter = null, CancellationToken ct = default);
    Task<DeviceRole?> GetDeviceRoleAsync(int id, CancellationToken ct = default);
    Task<IReadOnlyList<DeviceType>> ListDeviceTypesAsync(CancellationToken ct = default);
    Task<DeviceType?> GetDeviceTypeAsync(int id, CancellationToken ct = default);

    Task<IReadOnlyList<Device>> ListDevicesAsync(DeviceFilter? filter = null, CancellationToken ct = default);
    Task<Device?> GetDeviceAsync(int id, CancellationToken ct = default);
    /// <summary>PATCH: idempotent, so a step that runs it again converges on the same state.</summary>
    Task<Device> UpdateDeviceAsync(int id, DeviceUpdate update, CancellationToken ct = default);

    Task<IReadOnlyList<Interface>> ListInterfacesAsync(InterfaceFilter? filter = null, CancellationToken ct = default);
    Task<Interface?> GetInterfaceAsync(int id, CancellationToken ct = default);

    Task<IReadOnlyList<Cable>> ListCablesAsync(CableFilter? filter = null, CancellationToken ct = default);
    Task<Cable?> GetCableAsync(int id, CancellationToken ct = default);
    Task<Cable> EnsureCableAsync(IdempotencyMarker marker, CableCreate cable, CancellationToken ct = default);
    Task<Cable> UpdateCableAsync(int id, CableUpdate update, CancellationToken ct = default);
    /// <summary>Deleting a cable that is already gone succeeds.</summary>
    Task DeleteCableAsync(int id, CancellationToken ct = default);

    Task<IReadOnlyList<IpPrefix>> ListPrefixesAsync(PrefixFilter? filter = null, CancellationToken ct = default);
    Task<IpPrefix?> GetPrefixAsync(int id, CancellationToken ct = default);
    /// <summary>Allocates the first free prefix of the requested length inside <paramref name="parentPrefixId"/>, once per marker.</summary>
    Task<IpPrefix> EnsureAvailablePrefixAsync(int parentPrefixId, IdempotencyMarker marker, AvailablePrefixRequest request, CancellationToken ct = default);
    Task DeletePrefixAsync(int id, CancellationToken ct = default);

    Task<IReadOnlyList<IpAddress>> ListIpAddressesAsync(IpAddressFilter? filter = null, CancellationToken ct = default);
    Task<IpAddress?> GetIpAddressAsync(int id, CancellationToken ct = default);
    /// <summary>Allocates the first free address inside <paramref name="prefixId"/>, once per marker.</summary>
    Task<IpAddress> EnsureAvailableIpAsync(int prefixId, IdempotencyMarker marker, AvailableIpRequest request, CancellationToken ct = default);
    Task DeleteIpAddressAsync(int id, CancellationToken ct = default);

    /// <summary>Makes sure the marker's tag exists (NetBox only accepts tags that exist).</summary>
    Task<Tag> EnsureTagAsync(IdempotencyMarker marker, CancellationToken ct = default);
}
