package com.stategraph.billing.estimates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * AWS types that run or watch workloads: autoscaling groups (through their launch template or
 * launch configuration), Fargate services, EBS snapshots, CloudWatch alarms and dashboards, Step
 * Functions and advanced SSM parameters (the filters are those Infracost uses, as facts).
 */
final class AwsOperationsPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal GB_PER_MB = BigDecimal.valueOf(1024);

    private AwsOperationsPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_autoscaling_group", Set.of("desired_capacity", "min_size", "launch_template", "launch_configuration",
                    "mixed_instances_policy"),
            // not priced itself (free), but autoscaling groups launched from it read these
            "aws_launch_configuration", Set.of("name", "instance_type", "spot_price", "root_block_device"),
            "aws_ecs_service", Set.of("launch_type", "desired_count", "task_definition", "capacity_provider_strategy"),
            "aws_ecs_task_definition", Set.of("arn", "family", "revision", "cpu", "memory"),
            "aws_ebs_snapshot", Set.of("volume_size"),
            "aws_cloudwatch_metric_alarm", Set.of("period", "metric_query"),
            "aws_cloudwatch_dashboard", Set.of(),
            "aws_sfn_state_machine", Set.of("type"),
            "aws_ssm_parameter", Set.of("tier"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_autoscaling_group", AwsOperationsPricers::autoscalingGroup);
        pricers.put("aws_ecs_service", AwsOperationsPricers::fargateService);
        pricers.put("aws_ebs_snapshot", r -> List.of(Component.monthly("EBS snapshot storage", "GB", r.number("volume_size", BigDecimal.ZERO),
                ProductQuery.of("aws", r.region(), "AmazonEC2", "Storage Snapshot").regex("usagetype", "(^|-)EBS:SnapshotUsage$"))));
        pricers.put("aws_cloudwatch_metric_alarm", AwsOperationsPricers::metricAlarm);
        pricers.put("aws_cloudwatch_dashboard", r -> List.of(Component.monthly("Dashboard", "months", ONE,
                ProductQuery.of("aws", null, "AmazonCloudWatch", "Dashboard").anyRegion().attr("usagetype", "DashboardsUsageHour"))));
        pricers.put("aws_sfn_state_machine", AwsOperationsPricers::stateMachine);
        pricers.put("aws_ssm_parameter", AwsOperationsPricers::ssmParameter);
    }

    /**
     * Its instances ({@code desired_capacity}, else {@code min_size}) of the instance type of the launch template or launch
     * configuration it names, when that is a resource of the same state; at the spot price when that asks for spot.
     */
    private static List<Component> autoscalingGroup(Resource r) {
        BigDecimal instances = r.number("desired_capacity", r.number("min_size", ONE));
        JsonNode reference = r.block("launch_template");
        if (reference.isEmpty()) {
            reference = Resource.block(Resource.block(r.block("mixed_instances_policy"), "launch_template"), "launch_template_specification");
        }
        List<Component> components = new ArrayList<>();
        if (!reference.isEmpty()) {
            JsonNode template = r.neighbours().launchTemplate(reference).orElse(null);
            boolean spot = "spot".equalsIgnoreCase(Resource.text(Resource.block(template, "instance_market_options"), "market_type", ""));
            components.add(AwsPricers.compute(r.region(), Resource.text(template, "instance_type", "unknown"), "Shared", instances,
                    "linux", spot));
            return components;
        }
        JsonNode configuration = r.neighbours().launchConfiguration(r.text("launch_configuration", null)).orElse(null);
        components.add(AwsPricers.compute(r.region(), Resource.text(configuration, "instance_type", "unknown"), "Shared", instances,
                "linux", Resource.text(configuration, "spot_price", null) != null));
        JsonNode root = Resource.block(configuration, "root_block_device");
        BigDecimal size = Resource.number(root, "volume_size", null);
        if (size != null) {
            components.addAll(AwsPricers.prefixed("root_block_device: ", EbsVolumes.of(r.region(), Resource.text(root, "volume_type", "gp2"),
                    size.multiply(instances), null, null)));
        }
        return components;
    }

    /**
     * Fargate tasks pay for their task definition's vCPUs and memory by the hour (the usage type anchored: Fargate Spot's
     * {@code USE1-SpotUsage-Fargate-...} is another price); tasks on EC2 are priced by their instances.
     */
    private static List<Component> fargateService(Resource r) {
        boolean fargate = "FARGATE".equalsIgnoreCase(r.text("launch_type", ""))
                || r.blocks("capacity_provider_strategy").stream().anyMatch(s -> Resource.text(s, "capacity_provider", "")
                .toUpperCase(java.util.Locale.ROOT).startsWith("FARGATE"));
        if (!fargate) {
            return List.of();
        }
        JsonNode task = r.neighbours().taskDefinition(r.text("task_definition", null)).orElse(null);
        BigDecimal count = r.number("desired_count", ONE);
        BigDecimal vcpu = Resource.number(task, "cpu", BigDecimal.ZERO).divide(GB_PER_MB);
        BigDecimal memoryGb = Resource.number(task, "memory", BigDecimal.ZERO).divide(GB_PER_MB);
        ProductQuery compute = ProductQuery.of("aws", r.region(), "AmazonECS", "Compute");
        return List.of(
                Component.hourly("Per vCPU per hour", vcpu.multiply(count),
                                compute.regex("usagetype", ProductQuery.awsUsageType("Fargate-vCPU-Hours:perCPU")))
                        .withUnit("vCPU-hours"),
                Component.hourly("Per GB per hour", memoryGb.multiply(count),
                                compute.regex("usagetype", ProductQuery.awsUsageType("Fargate-GB-Hours")))
                        .withUnit("GB-hours"));
    }

    /** One alarm metric a month (each metric of a metric query counts); high resolution below a 60-second period. */
    private static List<Component> metricAlarm(Resource r) {
        long metrics = Math.max(1, r.blocks("metric_query").stream().filter(q -> !Resource.block(q, "metric").isEmpty()).count());
        boolean high = r.number("period", BigDecimal.valueOf(60)).compareTo(BigDecimal.valueOf(60)) < 0;
        return List.of(Component.monthly(high ? "High resolution" : "Standard resolution", "alarm metrics", BigDecimal.valueOf(metrics),
                ProductQuery.of("aws", r.region(), "AmazonCloudWatch", "Alarm").regex("usagetype", "AlarmMonitorUsage$")
                        .attr("alarmType", high ? "High Resolution" : "Standard")));
    }

    /** Standard workflows pay by state transition; express ones by request (and duration, not estimated here). */
    private static List<Component> stateMachine(Resource r) {
        ProductQuery sfn = ProductQuery.of("aws", r.region(), "AmazonStates", "AWS Step Functions");
        if (r.text("type", "STANDARD").equalsIgnoreCase("EXPRESS")) {
            return List.of(Component.usage("Requests", "requests", r.usage("monthly_requests"),
                    sfn.regex("usagetype", "(^|-)StepFunctions-Request$")));
        }
        return List.of(Component.usage("Transitions", "transitions", r.usage("monthly_transitions"),
                sfn.regex("usagetype", "(^|-)StateTransition$")));
    }

    /** Standard parameters are free; an advanced one is charged by the hour it is stored, and its API interactions. */
    private static List<Component> ssmParameter(Resource r) {
        if (!r.text("tier", "Standard").equalsIgnoreCase("Advanced")) {
            return List.of();
        }
        ProductQuery ssm = ProductQuery.of("aws", r.region(), "AWSSystemsManager", null);
        return List.of(
                Component.hourly("Parameter storage (advanced)", ONE, ssm.regex("usagetype", "(^|-)PS-Advanced-Param-Tier1$")),
                Component.usage("API interactions (higher throughput)", "interactions", r.usage("monthly_api_interactions"),
                        ssm.regex("usagetype", "(^|-)PS-Param-Processed-Tier2$")));
    }
}
