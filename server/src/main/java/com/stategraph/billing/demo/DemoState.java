package com.stategraph.billing.demo;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's Terraform state (format version 4, as `terraform state pull` prints it): instances,
 * databases, buckets and functions the sample export bills, a CloudFront distribution (a type the
 * estimator does not price), and free resources.
 */
final class DemoState {
    static final String NAME = "demo/aws-prod";
    private static final String[] TEAMS = {"payments", "search", "platform", "data"};
    private static final String[] ENVS = {"prod", "staging", "dev"};

    private DemoState() {
    }

    static String json(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("version", 4);
        root.put("terraform_version", "1.9.8");
        root.put("serial", 1);
        root.put("lineage", "6f1c1c8e-demo-4b7e-9c11-stategraph00");
        root.putObject("outputs");
        ArrayNode resources = root.putArray("resources");
        ArrayNode instances = resource(resources, "aws_instance", "app");
        for (int i = 0; i < DemoResources.PER_SERVICE; i++) {
            String id = DemoResources.instanceId(i);
            add(instances, json, i, Map.of("id", id, "arn", DemoResources.resourceId("Amazon Elastic Compute Cloud", i),
                    "instance_type", i % 2 == 0 ? "t3.large" : "m5.large", "availability_zone", DemoResources.region(i) + "a",
                    "tenancy", "default", "tags_all", tags(i),
                    "root_block_device", List.of(Map.of("volume_type", "gp3", "volume_size", 30, "iops", 3000, "throughput", 125))));
        }
        ArrayNode databases = resource(resources, "aws_db_instance", "db");
        for (int i = 0; i < 2; i++) {
            add(databases, json, i, Map.of("id", DemoResources.database(i), "identifier", DemoResources.database(i),
                    "arn", DemoResources.resourceId("Amazon Relational Database Service", i), "instance_class", "db.t3.medium",
                    "engine", "postgres", "multi_az", false, "storage_type", "gp3", "allocated_storage", 100, "tags_all", tags(i)));
        }
        ArrayNode buckets = resource(resources, "aws_s3_bucket", "assets");
        for (int i = 0; i < 2; i++) {
            add(buckets, json, i, Map.of("id", DemoResources.bucket(i), "bucket", DemoResources.bucket(i),
                    "arn", DemoResources.resourceId("Amazon Simple Storage Service", i), "region", DemoResources.region(i),
                    "tags_all", tags(i)));
        }
        ArrayNode functions = resource(resources, "aws_lambda_function", "worker");
        for (int i = 0; i < 2; i++) {
            add(functions, json, i, Map.of("id", DemoResources.function(i), "function_name", DemoResources.function(i),
                    "arn", DemoResources.resourceId("AWS Lambda", i), "tags_all", tags(i)));
        }
        add(resource(resources, "aws_cloudfront_distribution", "cdn"), json, null, Map.of("id", DemoResources.distribution(0),
                "arn", DemoResources.resourceId("Amazon CloudFront", 0), "tags_all", tags(0)));
        add(resource(resources, "aws_security_group", "app"), json, null, Map.of("id", "sg-0demo", "region", "us-east-1"));
        add(resource(resources, "aws_iam_role", "app"), json, null, Map.of("id", "demo-app", "arn", "arn:aws:iam::444455556660:role/demo-app"));
        return json.writeValueAsString(root);
    }

    private static Map<String, String> tags(int i) {
        return Map.of("team", TEAMS[i % TEAMS.length], "env", ENVS[i % ENVS.length]);
    }

    private static ArrayNode resource(ArrayNode resources, String type, String name) {
        ObjectNode r = resources.addObject();
        r.put("mode", "managed");
        r.put("type", type);
        r.put("name", name);
        r.put("provider", "provider[\"registry.terraform.io/hashicorp/aws\"]");
        return r.putArray("instances");
    }

    private static void add(ArrayNode instances, ObjectMapper json, Integer index, Map<String, ?> attributes) {
        ObjectNode instance = instances.addObject();
        if (index != null) {
            instance.put("index_key", index);
        }
        instance.put("schema_version", 1);
        instance.set("attributes", json.valueToTree(attributes));
        instance.putArray("sensitive_attributes");
    }
}
