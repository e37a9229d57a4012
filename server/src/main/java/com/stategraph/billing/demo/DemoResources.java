package com.stategraph.billing.demo;

/**
 * The AWS resources of the demo: the sample export bills them by these ids, and the demo
 * Terraform state manages some of them (the others are what a bill holds that no state manages).
 */
final class DemoResources {
    /** Six of each service, numbered 0 to 5, as the export's rows per day and service. */
    static final int PER_SERVICE = 6;

    private DemoResources() {
    }

    static String region(int i) {
        return i % 2 == 0 ? "us-east-1" : "eu-west-1";
    }

    static String account(int i) {
        return "44445555666" + (i % 3);
    }

    static String instanceId(int i) {
        return "i-0demo0000000000" + i;
    }

    /** The ResourceId the export gives a row of that service and number. */
    static String resourceId(String service, int i) {
        return switch (service) {
            case "Amazon Elastic Compute Cloud" -> "arn:aws:ec2:" + region(i) + ":" + account(i) + ":instance/" + instanceId(i);
            case "Amazon Simple Storage Service" -> "arn:aws:s3:::" + bucket(i);
            case "Amazon Relational Database Service" -> "arn:aws:rds:" + region(i) + ":" + account(i) + ":db:" + database(i);
            case "AWS Lambda" -> "arn:aws:lambda:" + region(i) + ":" + account(i) + ":function:" + function(i);
            default -> "arn:aws:cloudfront::" + account(i) + ":distribution/" + distribution(i);
        };
    }

    static String bucket(int i) {
        return "acme-demo-assets-" + i;
    }

    static String database(int i) {
        return "demo-db-" + i;
    }

    static String function(int i) {
        return "demo-worker-" + i;
    }

    static String distribution(int i) {
        return "EDEMO" + i;
    }
}
