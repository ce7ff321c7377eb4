using Orchestrator.Domain.Catalogue;
using Orchestrator.Domain.Workflows;

namespace Orchestrator.Workflows.Engine;

public sealed record FormContext(CatalogueSnapshot Catalogue, IServiceProvider Services, string UserName) : IFormContext;
