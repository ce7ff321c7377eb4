using Orchestrator.NetBoxSimulator.Model;
using Orchestrator.NetBoxSimulator.State;

namespace Orchestrator.NetBoxSimulator.Api;

/// <summary>The <c>/api/dcim/</c> endpoints the workflows use.</summary>
public static class DcimResources
{
    public static void MapDcim(this IEndpointRouteBuilder app)
    {
        app.MapResource(new Resource<Site>(Paths.Sites, s => s.Sites, (r, x) => r.Site(x),
            new FilterSet<Site>().Text("name", x => x.Name).Text("slug", x => x.Slug).Search(x => [x.Name, x.Slug])));

        app.MapResource(new Resource<DeviceRole>(Paths.DeviceRoles, s => s.DeviceRoles, (r, x) => r.DeviceRole(x),
            new FilterSet<DeviceRole>().Text("name", x => x.Name).Text("slug", x => x.Slug).Search(x => [x.Name, x.Slug])));

        app.MapResource(new Resource<DeviceType>(Paths.DeviceTypes, s => s.DeviceTypes, (r, x) => r.DeviceType(x),
            new FilterSet<DeviceType>().Text("model", x => x.Model).Text("slug", x => x.Slug)
                .Int("manufacturer_id", x => x.ManufacturerId).Search(x => [x.Model, x.Slug])));

        app.MapResource(new Resource<Device>(Paths.Devices, s => s.Devices, (r, x) => r.Device(x), DeviceFilters())
        {
            Create = DeviceWrites.Create,
            Update = DeviceWrites.Update,
        });

        app.MapResource(new Resource<Interface>(Paths.Interfaces, s => s.Interfaces, (r, x) => r.Interface(x), InterfaceFilters())
        {
            Update = InterfaceWrites.Update,
        });

        app.MapResource(new Resource<Cable>(Paths.Cables, s => s.Cables, (r, x) => r.Cable(x), CableFilters())
        {
            Create = CableWrites.Create,
            Update = CableWrites.Update,
            Delete = CableWrites.Delete,
        });
    }

    private static FilterSet<Device> DeviceFilters() => new FilterSet<Device>()
        .Text("name", x => x.Name)
        .Text("status", x => x.Status)
        .Int("site_id", x => x.SiteId)
        .Add("site", (s, x, slug) => s.Sites.Find(x.SiteId)?.Slug == slug)
        .Int("role_id", x => x.RoleId)
        .Add("role", (s, x, slug) => s.DeviceRoles.Find(x.RoleId)?.Slug == slug)
        .Int("device_type_id", x => x.DeviceTypeId)
        .WithTagFilter()
        .Search(x => [x.Name, x.Description]);

    private static FilterSet<Interface> InterfaceFilters() => new FilterSet<Interface>()
        .Text("name", x => x.Name)
        .Int("device_id", x => x.DeviceId)
        .Add("device", (s, x, name) => s.Devices.Find(x.DeviceId)?.Name == name)
        .Bool("occupied", x => x.CableId is not null)
        .Bool("cabled", x => x.CableId is not null)
        .Bool("enabled", x => x.Enabled)
        .Int("speed", x => x.Speed)
        .Text("type", x => x.Type)
        .Int("cable_id", x => x.CableId)
        .WithTagFilter()
        .Search(x => [x.Name, x.Description]);

    private static FilterSet<Cable> CableFilters() => new FilterSet<Cable>()
        .Text("status", x => x.Status)
        .Text("label", x => x.Label)
        .Add("interface_id", (_, x, id) => Ends(x).Contains((int)FilterSet<Cable>.ParseInt("interface_id", id)))
        .Add("device_id", (s, x, id) => Ends(x).Any(i => s.Interfaces.Find(i)?.DeviceId == FilterSet<Cable>.ParseInt("device_id", id)))
        .Add("device", (s, x, name) => Ends(x).Any(i => s.Interfaces.Find(i) is { } port && s.Devices.Find(port.DeviceId)?.Name == name))
        .WithTagFilter()
        .Search(x => [x.Label, x.Description]);

    private static IEnumerable<int> Ends(Cable cable) => cable.ATerminations.Concat(cable.BTerminations);
}
