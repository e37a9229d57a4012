package com.stategraph.billing.support;

import static com.stategraph.billing.support.EstimateFixture.BOOK;
import static com.stategraph.billing.support.EstimateFixture.STATE;
import static com.stategraph.billing.support.EstimateFixture.expect;
import static com.stategraph.billing.support.EstimateFixture.expectHourly;

import com.stategraph.billing.support.PriceBooks.Price;
import java.util.List;
import java.util.Map;

/** Classic load balancers, VPC endpoints, Route 53, transit gateway attachments, VPN connections and API Gateway: us-east-1 list prices and their decoys. */
final class AwsNetworkFixture {
    private AwsNetworkFixture() {
    }

    static void add() {
        String r = "us-east-1";
        // Classic ELB: the Local Zone (-TS-) row and the application load balancer's product are decoys
        BOOK.product("aws", r, "AWSELB", "Load Balancer", Map.of("locationType", "AWS Region", "usagetype", "LoadBalancerUsage"), "Hrs",
                "0.025");
        BOOK.product("aws", r, "AWSELB", "Load Balancer", Map.of("locationType", "AWS Region", "usagetype", "USE1-TS-LoadBalancerUsage"),
                "Hrs", "0.03");
        BOOK.product("aws", r, "AWSELB", "Load Balancer", Map.of("locationType", "AWS Region", "usagetype", "DataProcessing-Bytes"),
                "GB", "0.008");
        STATE.managed("aws_elb", "classic", "aws", Map.of("id", "classic", "arn",
                "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/classic"));
        expectHourly("aws_elb.classic", "Classic load balancer", "1", "0.025");
        expect("aws_elb.classic", "Data processed", "0", "0.008");

        // VPC endpoints: an interface endpoint in two subnets; the Gateway Load Balancer endpoint's rows and another region are decoys
        BOOK.product("aws", r, "AmazonVPC", "VpcEndpoint", Map.of("usagetype", "USE1-VpcEndpoint-Hours"), "Hrs", "0.01");
        BOOK.product("aws", r, "AmazonVPC", "VpcEndpoint", Map.of("usagetype", "USE1-VpcEndpoint-GWLBE-Hours"), "Hrs", "0.0125");
        BOOK.product("aws", "us-west-2", "AmazonVPC", "VpcEndpoint", Map.of("usagetype", "USW2-VpcEndpoint-Hours"), "Hrs", "0.0101");
        BOOK.product("aws", r, "AmazonVPC", "VpcEndpoint", Map.of("usagetype", "USE1-VpcEndpoint-Bytes"),
                Price.onDemand("GB", "0.01").to("1048576"), Price.onDemand("GB", "0.006").from("1048576").to("5242880"),
                Price.onDemand("GB", "0.004").from("5242880"));
        BOOK.product("aws", r, "AmazonVPC", "VpcEndpoint", Map.of("usagetype", "USE1-VpcEndpoint-GWLBE-Bytes"), "GB", "0.0035");
        STATE.managed("aws_vpc_endpoint", "ecr", "aws", Map.of("id", "vpce-1", "arn", "arn:aws:ec2:us-east-1:1:vpc-endpoint/vpce-1",
                "vpc_endpoint_type", "Interface", "subnet_ids", List.of("subnet-a", "subnet-b")));
        expectHourly("aws_vpc_endpoint.ecr", "Endpoint (Interface)", "2", "0.01");
        expect("aws_vpc_endpoint.ecr", "Data processed (first 1PB)", "0", "0.01");
        STATE.managed("aws_vpc_endpoint", "inspect", "aws", Map.of("id", "vpce-2", "arn", "arn:aws:ec2:us-east-1:1:vpc-endpoint/vpce-2",
                "vpc_endpoint_type", "GatewayLoadBalancer"));
        expectHourly("aws_vpc_endpoint.inspect", "Endpoint (Gateway Load Balancer)", "1", "0.0125");
        expect("aws_vpc_endpoint.inspect", "Data processed", "0", "0.0035");

        // Route 53: kept without a region; the zone's second tier and the other query kinds are decoys
        BOOK.product("aws", "", "AmazonRoute53", "DNS Zone", Map.of("usagetype", "HostedZone"),
                Price.onDemand("HostedZone", "0.50").to("25"), Price.onDemand("HostedZone", "0.10").from("25"));
        BOOK.product("aws", "", "AmazonRoute53", "DNS Query", Map.of("usagetype", "DNS-Queries"),
                Price.onDemand("Queries", "0.0000004").to("1000000000"), Price.onDemand("Queries", "0.0000002").from("1000000000"));
        BOOK.product("aws", "", "AmazonRoute53", "DNS Query", Map.of("usagetype", "LBR-Queries"),
                Price.onDemand("Queries", "0.0000006").to("1000000000"), Price.onDemand("Queries", "0.0000003").from("1000000000"));
        BOOK.product("aws", "", "AmazonRoute53", "DNS Query", Map.of("usagetype", "Geo-Queries"), "Queries", "0.0000007");
        STATE.managed("aws_route53_zone", "main", "aws", Map.of("id", "Z123", "arn", "arn:aws:route53:::hostedzone/Z123"));
        expect("aws_route53_zone.main", "Hosted zone", "1", "0.50");
        STATE.managed("aws_route53_record", "api", "aws", Map.of("id", "Z123_api_A", "latency_routing_policy",
                List.of(Map.of("region", "us-east-1"))));
        expect("aws_route53_record.api", "Standard queries (first 1B)", "0", "0.0000004");
        expect("aws_route53_record.api", "Latency based routing queries (first 1B)", "0", "0.0000006");
        // an alias to an AWS resource is answered free
        STATE.managed("aws_route53_record", "alias", "aws", Map.of("id", "Z123_www_A", "alias", List.of(Map.of("name", "lb.example"))));

        // Transit gateway: the VPN attachment's hours are a decoy
        BOOK.product("aws", r, "AmazonVPC", "Transit Gateway", Map.of("usagetype", "USE1-TransitGateway-Hours", "operation",
                "TransitGatewayVPC"), "Hrs", "0.05");
        BOOK.product("aws", r, "AmazonVPC", "Transit Gateway", Map.of("usagetype", "USE1-TransitGateway-Hours", "operation",
                "TransitGatewayVPN"), "Hrs", "0.051");
        BOOK.product("aws", r, "AmazonVPC", "Transit Gateway", Map.of("usagetype", "USE1-TransitGateway-Bytes", "operation",
                "TransitGatewayVPC"), "GB", "0.02");
        STATE.managed("aws_ec2_transit_gateway_vpc_attachment", "spoke", "aws", Map.of("id", "tgw-attach-1", "arn",
                "arn:aws:ec2:us-east-1:1:transit-gateway-attachment/tgw-attach-1"));
        expectHourly("aws_ec2_transit_gateway_vpc_attachment.spoke", "Transit gateway attachment", "1", "0.05");
        expect("aws_ec2_transit_gateway_vpc_attachment.spoke", "Data processed", "0", "0.02");
        BOOK.product("aws", r, "AmazonVPC", "Cloud Connectivity", Map.of("vpnType", "VPN Standard", "usagetype", "USE1-VPN-Usage-Hours:ipsec.1"),
                "Hrs", "0.05");
        BOOK.product("aws", r, "AmazonVPC", "Cloud Connectivity", Map.of("vpnType", "Accelerated VPN", "usagetype",
                "USE1-VPN-Accelerated-Hours"), "Hrs", "0.15");
        STATE.managed("aws_vpn_connection", "office", "aws", Map.of("id", "vpn-1", "arn", "arn:aws:ec2:us-east-1:1:vpn-connection/vpn-1"));
        expectHourly("aws_vpn_connection.office", "VPN connection", "1", "0.05");

        // API Gateway: REST requests in four tiers; the HTTP API's requests are a decoy for REST and the other way round
        BOOK.product("aws", r, "AmazonApiGateway", "API Calls", Map.of("usagetype", "USE1-ApiGatewayRequest"),
                Price.onDemand("Requests", "0.0000035").to("333000000"),
                Price.onDemand("Requests", "0.0000028").from("333000000").to("1000000000"),
                Price.onDemand("Requests", "0.00000238").from("1000000000").to("20000000000"),
                Price.onDemand("Requests", "0.00000151").from("20000000000"));
        BOOK.product("aws", r, "AmazonApiGateway", "API Calls", Map.of("usagetype", "USE1-ApiGatewayHttpRequest"),
                Price.onDemand("Requests", "0.000001").to("300000000"), Price.onDemand("Requests", "0.0000009").from("300000000"));
        BOOK.product("aws", r, "AmazonApiGateway", "WebSocket", Map.of("usagetype", "USE1-ApiGatewayMessage"),
                Price.onDemand("Messages", "0.000001").to("1000000000"), Price.onDemand("Messages", "0.0000008").from("1000000000"));
        BOOK.product("aws", r, "AmazonApiGateway", "WebSocket", Map.of("usagetype", "USE1-ApiGatewayMinute"), "Minutes", "0.00000025");
        STATE.managed("aws_api_gateway_rest_api", "public", "aws", Map.of("id", "abc123", "arn",
                "arn:aws:apigateway:us-east-1::/restapis/abc123"));
        expect("aws_api_gateway_rest_api.public", "Requests (first 333M)", "0", "0.0000035");
        STATE.managed("aws_apigatewayv2_api", "http", "aws", Map.of("id", "h1", "arn", "arn:aws:apigateway:us-east-1::/apis/h1",
                "protocol_type", "HTTP"));
        expect("aws_apigatewayv2_api.http", "Requests (first 300M)", "0", "0.000001");
        STATE.managed("aws_apigatewayv2_api", "chat", "aws", Map.of("id", "w1", "arn", "arn:aws:apigateway:us-east-1::/apis/w1",
                "protocol_type", "WEBSOCKET"));
        expect("aws_apigatewayv2_api.chat", "Messages (first 1B)", "0", "0.000001");
        expect("aws_apigatewayv2_api.chat", "Connection duration", "0", "0.00000025");
    }
}
