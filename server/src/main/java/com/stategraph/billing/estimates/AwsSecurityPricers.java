package com.stategraph.billing.estimates;

import com.stategraph.billing.estimates.UsageTiers.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS security and governance: Network Firewall, WAF web ACLs, private certificate authorities,
 * CloudTrail trails, Config rules and Client VPN associations (the filters are those Infracost
 * uses, as facts).
 */
final class AwsSecurityPricers {
    private static final BigDecimal ONE = BigDecimal.ONE;
    /** Usage types that carry their region's prefix and nothing else before the name: ShieldProtected- and Advanced- rows are other prices. */
    private static final String PREFIX = "^[A-Z0-9]*-";

    private AwsSecurityPricers() {
    }

    static final Map<String, Set<String>> READS = Map.of(
            "aws_networkfirewall_firewall", Set.of("subnet_mapping"),
            "aws_wafv2_web_acl", Set.of("rule"),
            "aws_acmpca_certificate_authority", Set.of(),
            "aws_cloudtrail", Set.of("include_global_service_events", "insight_selector"),
            "aws_config_config_rule", Set.of(),
            "aws_ec2_client_vpn_network_association", Set.of());

    static void register(Map<String, Pricer> pricers) {
        pricers.put("aws_networkfirewall_firewall", r -> {
            ProductQuery nfw = ProductQuery.of("aws", r.region(), "AWSNetworkFirewall", "AWS Firewall");
            return List.of(
                    Component.hourly("Network Firewall Endpoint", BigDecimal.valueOf(Math.max(1, r.blocks("subnet_mapping").size())),
                            nfw.regex("usagetype", PREFIX + "Endpoint-Hour$")),
                    Component.usage("Data Processed", "GB", r.usage("monthly_data_processed_gb"),
                            nfw.regex("usagetype", PREFIX + "Traffic-GB-Processed$")));
        });
        pricers.put("aws_wafv2_web_acl", r -> {
            ProductQuery waf = ProductQuery.of("aws", r.region(), "awswaf", "Web Application Firewall");
            return List.of(
                    Component.monthly("Web ACL usage", "months", ONE, waf.regex("usagetype", PREFIX + "WebACLV2$")),
                    Component.monthly("Rules", "rules", BigDecimal.valueOf(r.blocks("rule").size()), waf.regex("usagetype", PREFIX + "RuleV2$")),
                    Component.usage("Requests", "requests", r.usage("monthly_requests"), waf.regex("usagetype", PREFIX + "RequestV2-Tier1$")));
        });
        pricers.put("aws_acmpca_certificate_authority", r -> {
            ProductQuery pca = ProductQuery.of("aws", r.region(), "AWSCertificateManager", "AWS Certificate Manager");
            List<Component> components = new ArrayList<>();
            components.add(Component.monthly("Private certificate authority", "months", ONE,
                    pca.regex("usagetype", PREFIX + "PaidPrivateCA$")));
            components.addAll(UsageTiers.split("Certificates", "certificates", r.usage("monthly_requests"),
                    List.of(new Tier("first 1K", 0), new Tier("next 9K", 1_000L), new Tier("over 10K", 10_000L)),
                    start -> pca.regex("usagetype", PREFIX + "PrivateCertificatesIssued$").tier(start)));
            return components;
        });
        pricers.put("aws_cloudtrail", AwsSecurityPricers::trail);
        pricers.put("aws_config_config_rule", r -> UsageTiers.split("Rule evaluations", "evaluations", r.usage("monthly_rule_evaluations"),
                List.of(new Tier("first 100K", 0), new Tier("next 400K", 100_000L), new Tier("over 500K", 500_000L)),
                start -> ProductQuery.of("aws", r.region(), "AWSConfig", "Management Tools - AWS Config Rules")
                        .regex("usagetype", PREFIX + "ConfigRuleEvaluations$").tier(start)));
        pricers.put("aws_ec2_client_vpn_network_association", r -> List.of(Component.hourly("Endpoint association", ONE,
                ProductQuery.of("aws", r.region(), "AmazonVPC", null).regex("usagetype", ProductQuery.awsUsageType("ClientVPN-EndpointHours")))));
    }

    /** The first copy of management events is free; additional copies, data events and insights events are priced per event. */
    private static List<Component> trail(Resource r) {
        List<Component> components = new ArrayList<>();
        components.add(Component.usage("Additional management events", "events", r.usage("monthly_additional_management_events"),
                ProductQuery.of("aws", r.region(), "AWSCloudTrail", "Management Tools - AWS CloudTrail Paid Events Recorded")));
        components.add(Component.usage("Data events", "events", r.usage("monthly_data_events"),
                ProductQuery.of("aws", r.region(), "AWSCloudTrail", "Management Tools - AWS CloudTrail Data Events Recorded")));
        if (!r.blocks("insight_selector").isEmpty()) {
            components.add(Component.usage("Insights events", "events", r.usage("monthly_insight_events"),
                    ProductQuery.of("aws", r.region(), "AWSCloudTrail", "Management Tools - AWS CloudTrail Insights Events")
                            .regex("usagetype", "-InsightsEvents$")));
        }
        return components;
    }
}
