package com.stategraph.billing.estimates;

import com.stategraph.billing.states.ResourceInstance;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a resource's pricing may read of the other resources of its state: the launch templates and
 * launch configurations node groups and autoscaling groups launch from, the task definitions of ECS
 * services, the instance templates of Google instance groups, the location of the AKS cluster or
 * SQL server a node pool or database belongs to, the Cosmos DB account of a database, and the GKE
 * node pools managed as resources of their own (which a cluster's {@code node_pool} lists too, and
 * which are priced once, as themselves).
 */
public final class Neighbours {
    static final Neighbours NONE = new Neighbours();

    private final Map<String, JsonNode> launchTemplates = new HashMap<>();
    private final Set<String> separatePools = new HashSet<>();
    private final Map<String, String> parentLocations = new HashMap<>();
    private final Map<String, JsonNode> launchConfigurations = new HashMap<>();
    private final Map<String, JsonNode> taskDefinitions = new HashMap<>();
    private final Map<String, JsonNode> instanceTemplates = new HashMap<>();
    private final Map<String, JsonNode> cosmosAccounts = new HashMap<>();

    /** Collects, from every instance of the state, the ones others refer to. */
    void add(ResourceInstance instance) {
        JsonNode a = instance.attributes();
        switch (instance.type()) {
            case "aws_launch_template" -> {
                String id = Resource.text(a, "id", null);
                String name = Resource.text(a, "name", null);
                if (id != null) {
                    launchTemplates.put("id:" + id, a);
                }
                if (name != null) {
                    launchTemplates.put("name:" + name, a);
                }
            }
            case "aws_launch_configuration" -> {
                String name = Resource.text(a, "name", null);
                if (name != null) {
                    launchConfigurations.put(name, a);
                }
            }
            case "aws_ecs_task_definition" -> {
                // a service names its task definition by ARN, by family:revision, or by family (the latest revision)
                String family = Resource.text(a, "family", null);
                String arn = Resource.text(a, "arn", null);
                if (arn != null) {
                    taskDefinitions.put(arn, a);
                }
                if (family != null) {
                    taskDefinitions.put(family + ":" + Resource.text(a, "revision", ""), a);
                    taskDefinitions.merge(family, a, (old, now) -> Resource.number(now, "revision", java.math.BigDecimal.ZERO)
                            .compareTo(Resource.number(old, "revision", java.math.BigDecimal.ZERO)) > 0 ? now : old);
                }
            }
            case "azurerm_kubernetes_cluster", "azurerm_mssql_server" -> {
                String id = Resource.text(a, "id", null);
                String location = Resource.text(a, "location", instance.region());
                if (id != null && location != null) {
                    parentLocations.put(id.toLowerCase(java.util.Locale.ROOT), location);
                }
            }
            case "azurerm_cosmosdb_account" -> {
                String name = Resource.text(a, "name", null);
                if (name != null) {
                    cosmosAccounts.put(name.toLowerCase(java.util.Locale.ROOT), a);
                }
            }
            case "google_compute_instance_template" -> {
                // an instance group names its template by self link, by projects/P/global/instanceTemplates/NAME, or by name
                String name = Resource.text(a, "name", null);
                if (name != null) {
                    instanceTemplates.put(name, a);
                }
            }
            case "google_container_node_pool" -> separatePools.add(shortName(Resource.text(a, "cluster", "")) + "/"
                    + Resource.text(a, "name", ""));
            default -> {
            }
        }
    }

    /** The launch template a {@code launch_template} block names, by id or by name. */
    Optional<JsonNode> launchTemplate(JsonNode reference) {
        String id = Resource.text(reference, "id", null);
        String name = Resource.text(reference, "name", null);
        JsonNode found = id != null ? launchTemplates.get("id:" + id) : null;
        if (found == null && name != null) {
            found = launchTemplates.get("name:" + name);
        }
        return Optional.ofNullable(found);
    }

    /** The launch configuration of that name, if it is in the state. */
    Optional<JsonNode> launchConfiguration(String name) {
        return Optional.ofNullable(name == null ? null : launchConfigurations.get(name));
    }

    /** The task definition an ECS service names (by ARN, family:revision or family), if it is in the state. */
    Optional<JsonNode> taskDefinition(String reference) {
        return Optional.ofNullable(reference == null ? null : taskDefinitions.get(reference));
    }

    /** The Cosmos DB account of that name (Azure names are case-insensitive), if it is in the state. */
    Optional<JsonNode> cosmosAccount(String name) {
        return Optional.ofNullable(name == null ? null : cosmosAccounts.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The instance template a managed instance group names, by any form of its name, if it is in the state. */
    Optional<JsonNode> instanceTemplate(String reference) {
        return Optional.ofNullable(reference == null ? null : instanceTemplates.get(shortName(reference)));
    }

    /**
     * The location of the AKS cluster or SQL server an id names (Azure ids are case-insensitive), if it is in the state: node
     * pools and databases have none of their own.
     */
    Optional<String> parentLocation(String parentId) {
        return Optional.ofNullable(parentId == null ? null : parentLocations.get(parentId.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Whether the cluster's pool of that name is a google_container_node_pool of the state. */
    boolean separatePool(String cluster, String pool) {
        return separatePools.contains(shortName(cluster) + "/" + pool);
    }

    /** A cluster named by its id (projects/p/locations/l/clusters/NAME) or by NAME alone. */
    static String shortName(String cluster) {
        return cluster.substring(cluster.lastIndexOf('/') + 1);
    }
}
