package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import java.util.List;
import java.util.Map;

/**
 * Autoscaling groups, Fargate services, snapshots, alarms, dashboards, Step Functions and SSM
 * parameters: us-east-1 list prices and their decoys (compute and EBS prices come from {@link AwsFixture}).
 */
final class AwsOperationsFixture {
    private AwsOperationsFixture() {
    }

    static void add() {
        String r = "us-east-1";
        // An autoscaling group launched from the state's launch template (m5.xlarge), and one from a launch configuration
        STATE.managed("aws_autoscaling_group", "workers", "aws", Map.of("id", "workers", "arn",
                "arn:aws:autoscaling:us-east-1:1:autoScalingGroup:1:autoScalingGroupName/workers", "desired_capacity", 2,
                "min_size", 1, "launch_template", List.of(Map.of("id", "lt-0abc", "version", "$Latest"))));
        expectHourly("aws_autoscaling_group.workers", "Instance usage (Linux/UNIX, on-demand, m5.xlarge)", "2", "0.192");
        STATE.managed("aws_launch_configuration", "web", "aws", Map.of("id", "lc-web", "name", "lc-web", "instance_type", "t3.large",
                "root_block_device", List.of(Map.of("volume_type", "gp3", "volume_size", 20))));
        STATE.managed("aws_autoscaling_group", "web", "aws", Map.of("id", "web", "arn",
                "arn:aws:autoscaling:us-east-1:1:autoScalingGroup:2:autoScalingGroupName/web", "desired_capacity", 3,
                "launch_configuration", "lc-web"));
        expectHourly("aws_autoscaling_group.web", "Instance usage (Linux/UNIX, on-demand, t3.large)", "3", "0.0832");
        expect("aws_autoscaling_group.web", "root_block_device: Storage (general purpose SSD, gp3)", "60", "0.08");

        // Fargate: ARM and Fargate Spot rows are decoys; the task definition (0.5 vCPU, 1 GB) is a resource of the state
        BOOK.product("aws", r, "AmazonECS", "Compute", Map.of("usagetype", "USE1-Fargate-vCPU-Hours:perCPU"), "hours", "0.04048");
        BOOK.product("aws", r, "AmazonECS", "Compute", Map.of("usagetype", "USE1-Fargate-ARM-vCPU-Hours:perCPU"), "hours", "0.03238");
        BOOK.product("aws", r, "AmazonECS", "Compute", Map.of("usagetype", "USE1-SpotUsage-Fargate-vCPU-Hours:perCPU"), "hours", "0.01265");
        BOOK.product("aws", r, "AmazonECS", "Compute", Map.of("usagetype", "USE1-Fargate-GB-Hours"), "hours", "0.004445");
        BOOK.product("aws", r, "AmazonECS", "Compute", Map.of("usagetype", "USE1-SpotUsage-Fargate-GB-Hours"), "hours", "0.00139");
        STATE.managed("aws_ecs_task_definition", "api", "aws", Map.of("id", "api", "arn", "arn:aws:ecs:us-east-1:1:task-definition/api:3",
                "family", "api", "revision", 3, "cpu", "512", "memory", "1024"));
        STATE.managed("aws_ecs_service", "api", "aws", Map.of("id", "arn:aws:ecs:us-east-1:1:service/main/api", "launch_type", "FARGATE",
                "desired_count", 2, "task_definition", "arn:aws:ecs:us-east-1:1:task-definition/api:3"));
        expectHourly("aws_ecs_service.api", "Per vCPU per hour", "1", "0.04048");
        expectHourly("aws_ecs_service.api", "Per GB per hour", "2", "0.004445");

        BOOK.product("aws", r, "AmazonEC2", "Storage Snapshot", Map.of("usagetype", "EBS:SnapshotUsage"), "GB-Mo", "0.05");
        BOOK.product("aws", r, "AmazonEC2", "Storage Snapshot", Map.of("usagetype", "EBS:SnapshotArchiveStorage"), "GB-Mo", "0.0125");
        STATE.managed("aws_ebs_snapshot", "nightly", "aws", Map.of("id", "snap-1", "arn", "arn:aws:ec2:us-east-1::snapshot/snap-1",
                "volume_size", 100));
        expect("aws_ebs_snapshot.nightly", "EBS snapshot storage", "100", "0.05");

        BOOK.product("aws", r, "AmazonCloudWatch", "Alarm", Map.of("usagetype", "CW:AlarmMonitorUsage", "alarmType", "Standard"),
                "Alarms", "0.10");
        BOOK.product("aws", r, "AmazonCloudWatch", "Alarm", Map.of("usagetype", "CW:AlarmMonitorUsage", "alarmType", "High Resolution"),
                "Alarms", "0.30");
        STATE.managed("aws_cloudwatch_metric_alarm", "cpu", "aws", Map.of("id", "cpu", "arn", "arn:aws:cloudwatch:us-east-1:1:alarm:cpu",
                "period", 300));
        expect("aws_cloudwatch_metric_alarm.cpu", "Standard resolution", "1", "0.10");
        STATE.managed("aws_cloudwatch_metric_alarm", "fast", "aws", Map.of("id", "fast", "arn", "arn:aws:cloudwatch:us-east-1:1:alarm:fast",
                "period", 10));
        expect("aws_cloudwatch_metric_alarm.fast", "High resolution", "1", "0.30");
        BOOK.product("aws", "", "AmazonCloudWatch", "Dashboard", Map.of("usagetype", "DashboardsUsageHour"), "Dashboards", "3.00");
        BOOK.product("aws", r, "AmazonCloudWatch", "Dashboard", Map.of("usagetype", "USE1-DashboardsUsageHour-Basic"), "Dashboards", "0");
        STATE.managed("aws_cloudwatch_dashboard", "ops", "aws", Map.of("id", "ops", "dashboard_arn",
                "arn:aws:cloudwatch::1:dashboard/ops"));
        expect("aws_cloudwatch_dashboard.ops", "Dashboard", "1", "3.00");

        BOOK.product("aws", r, "AmazonStates", "AWS Step Functions", Map.of("usagetype", "USE1-StateTransition"), "Transitions", "0.000025");
        BOOK.product("aws", r, "AmazonStates", "AWS Step Functions", Map.of("usagetype", "USE1-StepFunctions-Request"), "Requests",
                "0.000001");
        BOOK.product("aws", r, "AmazonStates", "AWS Step Functions", Map.of("usagetype", "USE1-StepFunctions-GB-Second"), "GB-Second",
                "0.00001667");
        STATE.managed("aws_sfn_state_machine", "orders", "aws", Map.of("id", "arn:aws:states:us-east-1:1:stateMachine:orders", "arn",
                "arn:aws:states:us-east-1:1:stateMachine:orders", "type", "STANDARD"));
        expect("aws_sfn_state_machine.orders", "Transitions", "0", "0.000025");
        STATE.managed("aws_sfn_state_machine", "fast", "aws", Map.of("id", "arn:aws:states:us-east-1:1:stateMachine:fast", "arn",
                "arn:aws:states:us-east-1:1:stateMachine:fast", "type", "EXPRESS"));
        expect("aws_sfn_state_machine.fast", "Requests", "0", "0.000001");

        BOOK.product("aws", r, "AWSSystemsManager", "AWS Systems Manager", Map.of("usagetype", "USE1-PS-Advanced-Param-Tier1"), "Hrs",
                "0.0000684931");
        BOOK.product("aws", r, "AWSSystemsManager", "API Request", Map.of("usagetype", "USE1-PS-Param-Processed-Tier2"), "Requests",
                "0.000005");
        BOOK.product("aws", r, "AWSSystemsManager", "API Request", Map.of("usagetype", "USE1-PS-Param-Processed-Tier1"), "Requests", "0");
        STATE.managed("aws_ssm_parameter", "big", "aws", Map.of("id", "/app/big", "arn", "arn:aws:ssm:us-east-1:1:parameter/app/big",
                "tier", "Advanced"));
        expectHourly("aws_ssm_parameter.big", "Parameter storage (advanced)", "1", "0.0000684931");
        expect("aws_ssm_parameter.big", "API interactions (higher throughput)", "0", "0.000005");
        // a standard parameter is free
        STATE.managed("aws_ssm_parameter", "small", "aws", Map.of("id", "/app/small", "arn", "arn:aws:ssm:us-east-1:1:parameter/app/small",
                "tier", "Standard"));
    }
}
