package com.stategraph.billing.states;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * One managed resource instance of a Terraform state.
 *
 * @param address as Terraform prints it: {@code module.a.aws_instance.web[0]}, {@code aws_lb.x["blue"]}
 * @param provider the provider's type name: {@code aws}, {@code google}, {@code azurerm}, ...
 * @param region where it runs, when the provider has regions and the instance says (or a default applies)
 * @param cloudIds every identifier a bill may name it by
 * @param attributes what estimates read: the instance's attributes without secrets and long strings
 */
public record ResourceInstance(String address, String type, String provider, String region, Map<String, String> tags,
                               List<String> cloudIds, ObjectNode attributes) {
}
