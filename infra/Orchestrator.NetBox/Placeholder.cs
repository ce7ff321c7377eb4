namespace Orchestrator.NetBox;
