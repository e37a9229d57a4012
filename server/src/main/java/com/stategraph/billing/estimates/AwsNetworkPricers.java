package com.stategraph.billing.estimates;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AWS networking and API front doors: classic load balancers, VPC endpoints, Route 53 zones and
 * records, transit gateway attachments, VPN connections and API Gateway APIs (the filters are those
 * Infracost uses, as facts).
 */
final class AwsNetworkPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private AwsNetworkPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_elb", Set.of(),
            "aws_vpc_endpoint", Set.of("vpc_endpoint_type", "subnet_ids"),
            "aws_route53_zone", Set.of(),
            "aws_route53_record", Set.of("alias", "latency_routing_policy", "geolocation_routing_policy"),
            "aws_ec2_transit_gateway_vpc_attachment", Set.of(),
            "aws_vpn_connection", Set.of(),
            "aws_api_gateway_rest_api", Set.of(),
            "aws_apigatewayv2_api", Set.of("protocol_type"));

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_elb", r -> {
            ProductQuery elb = ProductQuery.of("aws", r.region(), "AWSELB", "Load Balancer").attr("locationType", "AWS Region");
            return List.of(
                    Component.hourly("Classic load balancer", ONE, elb.regex("usagetype", ProductQuery.awsUsageType("LoadBalancerUsage"))),
                    Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                            elb.regex("usagetype", ProductQuery.awsUsageType("DataProcessing-Bytes"))));
        });
        pricers.put("aws_vpc_endpoint", AwsNetworkPricers::vpcEndpoint);
        pricers.put("aws_route53_zone", r -> List.of(Component.monthly("Hosted zone", "months", ONE,
                ProductQuery.of("aws", null, "AmazonRoute53", "DNS Zone").anyRegion().attr("usagetype", "HostedZone"))));
        pricers.put("aws_route53_record", AwsNetworkPricers::route53Record);
        pricers.put("aws_ec2_transit_gateway_vpc_attachment", r -> {
            ProductQuery tgw = ProductQuery.of("aws", r.region(), "AmazonVPC", null).attr("operation", "TransitGatewayVPC");
            return List.of(
                    Component.hourly("Transit gateway attachment", ONE, tgw.regex("usagetype", "(^|-)TransitGateway-Hours$")),
                    Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                            tgw.regex("usagetype", "(^|-)TransitGateway-Bytes$")));
        });
        pricers.put("aws_vpn_connection", r -> List.of(Component.hourly("VPN connection", ONE,
                ProductQuery.of("aws", r.region(), "AmazonVPC", "Cloud Connectivity").regex("vpnType", "^VPN Standard"))));
        pricers.put("aws_api_gateway_rest_api", r -> UsageTiers.split("Requests", "requests", r.usage("monthly_requests"),
                List.of(new Tier("first 333M", 0), new Tier("next 667M", 333_000_000L), new Tier("next 19B", 1_000_000_000L),
                        new Tier("over 20B", 20_000_000_000L)),
                start -> ProductQuery.of("aws", r.region(), "AmazonApiGateway", "API Calls")
                        .regex("usagetype", "(^|-)ApiGatewayRequest$").tier(start)));
        pricers.put("aws_apigatewayv2_api", AwsNetworkPricers::apiV2);
    }

    /** Gateway endpoints (S3, DynamoDB) are free; an interface endpoint is charged in each subnet it has an interface in. */
    private static List<Component> vpcEndpoint(Resource r) {
        String type = r.text("vpc_endpoint_type", "Gateway").toLowerCase(Locale.ROOT);
        if (type.equals("gateway")) {
            return List.of();
        }
        boolean gwlb = type.equals("gatewayloadbalancer");
        ProductQuery endpoint = ProductQuery.of("aws", r.region(), "AmazonVPC", "VpcEndpoint");
        BigDecimal interfaces = BigDecimal.valueOf(Math.max(1, r.texts("subnet_ids").size()));
        List<Component> components = new ArrayList<>();
        components.add(Component.hourly(gwlb ? "Endpoint (Gateway Load Balancer)" : "Endpoint (Interface)", gwlb ? ONE : interfaces,
                endpoint.regex("usagetype", gwlb ? "(^|-)VpcEndpoint-GWLBE-Hours$" : "(^|-)VpcEndpoint-Hours$")));
        if (gwlb) {
            components.add(Component.usage("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                    endpoint.regex("usagetype", "(^|-)VpcEndpoint-GWLBE-Bytes$")));
        } else {
            components.addAll(UsageTiers.split("Data processed", "GB", r.usage("monthly_data_processed_gb"),
                    List.of(new Tier("first 1PB", 0), new Tier("next 4PB", 1_048_576L), new Tier("over 5PB", 5_242_880L)),
                    start -> endpoint.regex("usagetype", "(^|-)VpcEndpoint-Bytes$").tier(start)));
        }
        return components;
    }

    /** Queries by routing policy; a record that aliases an AWS resource is answered free. */
    private static List<Component> route53Record(Resource r) {
        if (!r.block("alias").isEmpty()) {
            return List.of();
        }
        List<Component> components = new ArrayList<>(queries(r, "Standard queries", "monthly_standard_queries", "DNS-Queries"));
        if (!r.block("latency_routing_policy").isEmpty()) {
            components.addAll(queries(r, "Latency based routing queries", "monthly_latency_based_queries", "LBR-Queries"));
        }
        if (!r.block("geolocation_routing_policy").isEmpty()) {
            components.addAll(queries(r, "Geo DNS queries", "monthly_geo_queries", "Geo-Queries"));
        }
        return components;
    }

    private static List<Component> queries(Resource r, String name, String key, String usageType) {
        return UsageTiers.split(name, "queries", r.usage(key), List.of(new Tier("first 1B", 0), new Tier("over 1B", 1_000_000_000L)),
                start -> ProductQuery.of("aws", null, "AmazonRoute53", "DNS Query").anyRegion().attr("usagetype", usageType).tier(start));
    }

    /** An HTTP API is charged by request; a WebSocket API by message and by connection minute. */
    private static List<Component> apiV2(Resource r) {
        if (r.text("protocol_type", "HTTP").equalsIgnoreCase("WEBSOCKET")) {
            ProductQuery ws = ProductQuery.of("aws", r.region(), "AmazonApiGateway", "WebSocket");
            List<Component> components = new ArrayList<>(UsageTiers.split("Messages", "messages", r.usage("monthly_messages"),
                    List.of(new Tier("first 1B", 0), new Tier("over 1B", 1_000_000_000L)),
                    start -> ws.regex("usagetype", "(^|-)ApiGatewayMessage$").tier(start)));
            components.add(Component.usage("Connection duration", "minutes", r.usage("monthly_connection_mins"),
                    ws.regex("usagetype", "(^|-)ApiGatewayMinute$")));
            return components;
        }
        return UsageTiers.split("Requests", "requests", r.usage("monthly_requests"),
                List.of(new Tier("first 300M", 0), new Tier("over 300M", 300_000_000L)),
                start -> ProductQuery.of("aws", r.region(), "AmazonApiGateway", "API Calls")
                        .regex("usagetype", "(^|-)ApiGatewayHttpRequest$").tier(start));
    }
}
