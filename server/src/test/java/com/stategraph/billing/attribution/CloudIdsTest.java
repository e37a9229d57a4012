package com.stategraph.billing.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical forms and bare ids the matcher compares. */
class CloudIdsTest {
    @Test
    void armsOfEveryPartitionHaveABareId() {
        assertThat(CloudIds.bare("arn:aws:ec2:us-east-1:1:natgateway/nat-0abc")).isEqualTo("nat-0abc");
        assertThat(CloudIds.bare("arn:aws-cn:ec2:cn-north-1:1:instance/i-0cn")).isEqualTo("i-0cn");
        assertThat(CloudIds.bare("arn:aws-us-gov:rds:us-gov-west-1:1:db:orders")).isEqualTo("orders");
        assertThat(CloudIds.bare("arn:aws:s3:::logs-bucket")).isEqualTo("logs-bucket");
        assertThat(CloudIds.bare("i-0abc")).as("not an ARN").isNull();
        assertThat(CloudIds.canonical("arn:aws:ec2:us-east-1:1:instance/i-0ABC")).as("AWS ids keep their case")
                .isEqualTo("arn:aws:ec2:us-east-1:1:instance/i-0ABC");
    }

    @Test
    void googleNamesAndSelfLinksMeetOnTheirProjectsPart() {
        String name = "//compute.googleapis.com/projects/p/zones/z/instances/vm";
        String selfLink = "https://www.googleapis.com/compute/v1/projects/p/zones/z/instances/vm";
        assertThat(CloudIds.canonical(name)).isEqualTo("projects/p/zones/z/instances/vm").isEqualTo(CloudIds.canonical(selfLink));
        assertThat(CloudIds.bare("//compute.googleapis.com/projects/p/zones/z/instances/4711")).isEqualTo("4711");
    }

    @Test
    void azureIdsCompareWithoutCase() {
        assertThat(CloudIds.canonical("/subscriptions/S/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/sa/"))
                .isEqualTo(CloudIds.canonical("/subscriptions/s/resourcegroups/rg/providers/microsoft.storage/storageaccounts/sa"));
        assertThat(CloudIds.canonical("  ")).isNull();
    }

    @Test
    void anIdClaimedTwiceGoesToTheFirstStateNameThenAddress() {
        IdentifierIndex index = new IdentifierIndex();
        java.util.UUID b = java.util.UUID.randomUUID();
        java.util.UUID a = java.util.UUID.randomUUID();
        index.add("shared", new IdentifierIndex.Owner(b, "b-state", "aws_s3_bucket.x"));
        index.add("shared", new IdentifierIndex.Owner(a, "a-state", "aws_s3_bucket.z"));
        index.add("shared", new IdentifierIndex.Owner(a, "a-state", "aws_s3_bucket.y"));
        assertThat(index.match("shared")).isEqualTo(new IdentifierIndex.Owner(a, "a-state", "aws_s3_bucket.y"));
        assertThat(index.match("arn:aws:s3:::shared")).as("by its bare id").isEqualTo(index.match("shared"));
        assertThat(index.match("other")).isNull();
    }
}
